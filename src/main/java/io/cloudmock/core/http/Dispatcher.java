package io.cloudmock.core.http;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.LoggerFactory;

/**
 * The server's one Jetty handler: the before-filters of the path, then the first route that matches, then the
 * answer. A handler that throws gets a JSON 500 (and its stack trace goes to the log, never to the client).
 * {@code completed} is told about every call once its answer is written (the journal, the request log).
 */
public final class Dispatcher extends Handler.Abstract {
    /** Told when a call's answer has been made, before its bytes go out. */
    @FunctionalInterface
    public interface Completion {
        void completed(HttpCall call);
    }

    private final Routes routes;
    private final Routes.Handler fallback;
    private final Completion completion;

    public Dispatcher(Routes routes, Routes.Handler fallback, Completion completion) {
        this.routes = routes;
        this.fallback = fallback;
        this.completion = completion;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        HttpCall call = new HttpCall(request, response, callback);
        call.onSent(() -> completion.completed(call));
        try {
            for (Routes.Handler filter : routes.filtersFor(call.path())) {
                filter.handle(call);
                if (call.skipped()) break;
            }
            if (!call.skipped()) {
                Routes.Match m = routes.match(call.method(), call.path());
                if (m == null) {
                    fallback.handle(call);
                } else {
                    call.pathParams(m.params());
                    m.handler().handle(call);
                }
            }
        } catch (Exception | LinkageError | AssertionError e) {
            if (!call.isSent()) {
                unexpected(call, e);
                call.send(); // even for a call that was to be answered later: the first answer written wins
            }
        }
        if (!call.isLater()) call.send();
        return true;
    }

    private static void unexpected(HttpCall call, Throwable e) {
        LoggerFactory.getLogger(Dispatcher.class).error("unexpected failure on {} {}", call.method(), call.path(), e);
        call.status(500).contentType("application/json").result(
                "{\"error\":{\"code\":\"INTERNAL\",\"message\":\"cloudmock failed unexpectedly; see its log\"}}");
    }
}
