package io.cloudmock.core;

/**
 * What a provider's signature check found. {@code account} is the account the verified (or, failing, claimed)
 * credential names, null to keep the one decoded; {@code detail} is what the journal and log show of a failure
 * (never a secret, never the signature expected); {@code refusal} is the provider's error for {@code --auth verify}.
 */
public record Verdict(boolean ok, String account, String outcome, String detail, RuntimeException refusal) {
    public static Verdict passed(String account) { return new Verdict(true, account, "ok", "", null); }

    public static Verdict failed(String account, String outcome, String detail, RuntimeException refusal) {
        return new Verdict(false, account, outcome, detail, refusal);
    }
}
