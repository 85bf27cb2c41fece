package io.cloudmock.core;

import io.cloudmock.core.http.HttpCall;

import java.util.List;

/**
 * What a provider plugs into the one request {@link Pipeline}: how its requests are decoded and routed, how its
 * signatures are checked, its action table, and its wire format (success, error, fault and too-large renderings).
 * The pipeline owns the order of the steps, the auth modes, fault rules, the journal's fields and the account lock;
 * a provider never writes a response itself. {@code C} is the provider's decoded call.
 */
public interface ProviderApi<C> {

    /** One action's handler: the decoded call and its account in, the payload the provider's views render out. */
    @FunctionalInterface
    interface Action<C> {
        Object handle(C call, Account account);
    }

    /** Step 2: decode what the request says (path, headers, the body read within the limit); never throws. */
    C decode(HttpCall ctx, byte[] body);

    /** The provider name the journal shows ({@code ncp}, {@code ncp-classic}, {@code zenlayer}). */
    String provider(C call);

    /** The action the call names, or null when it names none. */
    String action(C call);

    /** Step 3: the account the call claims (its access key), before any signature check. */
    String account(C call);

    /** The parameters the journal keeps (a map or a JSON node), or null when not decoded yet. */
    Object parameters(C call);

    /** Step 4, before the signature check: which of the provider's APIs the call is for; throws when none. */
    void route(C call);

    /** Step 5: the signature check of {@code --auth log|verify}. */
    Verdict verify(HttpCall ctx, C call, byte[] body);

    /**
     * Step 6, after the signature check: the call's handler; throws the provider's unknown-action error (naming the
     * action) when it is not served, or its error for a missing or unknown action or version.
     */
    Action<C> lookup(C call);

    /**
     * True when {@code e}, thrown by {@link #route} or {@link #lookup}, means the call asks for something cloudmock
     * does not serve (an unknown path or action, an action of another version), as {@code /_cloudmock/unserved}
     * counts them; false for the client's own mistakes (a missing header).
     */
    default boolean notServed(C call, RuntimeException e) { return false; }

    /**
     * After a handler succeeded: the parameters the call sent that the handler never read, by name ({@code .N} for
     * a list index), so {@code /_cloudmock/unserved} can show what cloudmock silently ignored.
     */
    default List<String> unreadParameters(C call) { return List.of(); }

    /** Step 7: whatever decoding needs the action (Zenlayer's JSON body); returns the call, completed. */
    default C parse(C call) { return call; }

    /** The resource ids a call names, so a fault rule can aim at one resource. */
    List<String> targetIds(C call);

    /** A success: the payload in the provider's envelope and format. */
    Reply success(C call, Object payload);

    /** The provider's own envelope for {@code e}; null when {@code e} is not one of its errors (a bug). */
    Reply error(C call, RuntimeException e);

    /** A fault rule's error, in the provider's envelope. */
    Reply fault(C call, Fault fault);

    /** A body over {@link Limits#PROVIDER_BODY_BYTES}, or one that could not be read (truncated): before decoding. */
    Reply unreadableBody(HttpCall ctx, boolean tooLarge);

    /** A failure of cloudmock's own, in the provider's envelope (500). */
    Reply internalError(C call);
}
