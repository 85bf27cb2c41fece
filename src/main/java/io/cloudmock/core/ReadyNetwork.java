package io.cloudmock.core;

import java.util.List;

/**
 * A provider's ready network ({@code POST /_cloudmock/networks}): everything a server needs to be created, made in
 * one call under the account lock. NCP: a VPC with a subnet per zone and its defaults; Zenlayer: a subnet per zone
 * and a security group. Kinds use it too, for a server made by the control API without a subnet.
 */
@FunctionalInterface
public interface ReadyNetwork {
    /** Makes the network in the account and returns what it made, in creation order. */
    List<Resource> create(Account.Tx tx);
}
