package io.cloudmock.zenlayer;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A handler of one VM action: validates the call and fills {@code response} (which already has requestId). */
@FunctionalInterface
public interface ZenlayerAction {
    void handle(ZenlayerCall call, ObjectNode response);
}
