import io.cloudmock.CloudMock;
import io.cloudmock.junit.CloudMockControl;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

/**
 * The JUnit extension's starts in one JVM, as bench/run.sh measures them: what {@code CloudMockExtension} does for
 * each test class (a server on a free port, the manual clock, a control client), to the first 200 of health.
 * Run: {@code java -cp target/cloudmock.jar bench/ExtensionStarts.java 40}; prints {@code extension-starts}, the first
 * start and the median of the later ones, in ms (one line, whatever else the logging prints).
 */
public class ExtensionStarts {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        HttpClient http = HttpClient.newHttpClient();
        long[] ms = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            CloudMock mock = CloudMock.builder().port(0).manualClock().transitionDelay(Duration.ofSeconds(2)).start();
            new CloudMockControl(mock.baseUrl(), mock.config().controlToken());
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/_cloudmock/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new IllegalStateException("health answered " + r.statusCode());
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
            mock.close();
        }
        long[] later = Arrays.copyOfRange(ms, 1, n);
        Arrays.sort(later);
        System.out.println("extension-starts " + ms[0] + " " + later[later.length / 2]);
    }
}
