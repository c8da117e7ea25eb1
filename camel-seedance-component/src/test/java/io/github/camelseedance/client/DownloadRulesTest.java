package io.github.camelseedance.client;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Which addresses a download may connect to, judged on the addresses the resolver returns. Every name here is answered
 * by a resolver of the test's own, so nothing is looked up and no connection is opened.
 */
class DownloadRulesTest {

    private static final String API = "https://api.example.test";

    /** Addresses a download must not reach by default, with the kind the refusal names. */
    private static final Map<String, String> INTERNAL = new LinkedHashMap<>();

    static {
        INTERNAL.put("127.0.0.1", "loopback");
        INTERNAL.put("127.255.0.9", "loopback");
        INTERNAL.put("::1", "loopback");
        INTERNAL.put("169.254.169.254", "link-local");
        INTERNAL.put("fe80::1", "link-local");
        INTERNAL.put("10.0.0.1", "private network");
        INTERNAL.put("172.16.0.1", "private network");
        INTERNAL.put("172.31.255.254", "private network");
        INTERNAL.put("192.168.1.1", "private network");
        INTERNAL.put("100.100.100.200", "private network");
        INTERNAL.put("fc00::1", "private network");
        INTERNAL.put("fd00:ec2::254", "private network");
        INTERNAL.put("224.0.0.1", "multicast");
        INTERNAL.put("ff02::1", "multicast");
        INTERNAL.put("0.0.0.0", "unspecified");
        INTERNAL.put("::", "unspecified");
        INTERNAL.put("255.255.255.255", "reserved");
        // IPv6 forms that carry an internal IPv4 address
        INTERNAL.put("::ffff:127.0.0.1", "loopback");
        INTERNAL.put("::10.0.0.1", "private network");
        INTERNAL.put("64:ff9b::a9fe:a9fe", "link-local");
        INTERNAL.put("2002:c0a8:101::1", "private network");
    }

    private static final List<String> PUBLIC =
            List.of("93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "64:ff9b::808:808");

    /** Answers each name with the addresses given, case aside, as a user's resolver bean would; never asks DNS. */
    private static final class Answers implements DnsResolver {

        private final Map<String, InetAddress[]> names = new HashMap<>();

        Answers with(String name, String... literals) {
            InetAddress[] addresses = new InetAddress[literals.length];
            for (int i = 0; i < literals.length; i++) {
                addresses[i] = literal(literals[i]);
            }
            names.put(name, addresses);
            return this;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            InetAddress[] addresses = names.get(host.toLowerCase(Locale.ROOT));
            if (addresses == null) {
                throw new UnknownHostException(host);
            }
            return addresses;
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }

    /** An IP literal as an address: the JDK parses a literal without a lookup. */
    private static InetAddress literal(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static GuardedDnsResolver guard(Answers answers, String allowed, boolean allowPrivate) {
        return new GuardedDnsResolver(DownloadRules.of(API, allowed, allowPrivate, answers), null);
    }

    /** The refusal's message when {@code host} is refused, or null when the resolver lets it through. */
    private static String refusal(GuardedDnsResolver guard, String host, int port) {
        Throwable failure = catchThrowable(() -> guard.resolve(host, port));
        if (failure == null) {
            return null;
        }
        assertThat(failure).isInstanceOf(DownloadAddressRefusedException.class);
        return failure.getMessage();
    }

    @Test
    void everyInternalKindOfAddressIsRefusedAndPublicAddressesPass() {
        Answers answers = new Answers();
        INTERNAL.keySet().forEach(address -> answers.with("internal-" + address + ".test", address));
        PUBLIC.forEach(address -> answers.with("public-" + address + ".test", address));
        GuardedDnsResolver guard = guard(answers, null, false);

        List<String> refused = new ArrayList<>();
        INTERNAL.forEach((address, kind) -> {
            String message = refusal(guard, "internal-" + address + ".test", 443);
            if (message != null && message.endsWith(" " + kind + " address")) {
                refused.add(address);
            }
        });
        List<String> passed = new ArrayList<>();
        PUBLIC.forEach(address -> {
            if (refusal(guard, "public-" + address + ".test", 443) == null) {
                passed.add(address);
            }
        });

        assertThat(refused).containsExactlyElementsOf(INTERNAL.keySet()).hasSize(21);
        assertThat(passed).containsExactlyElementsOf(PUBLIC).hasSize(6);
    }

    @Test
    void theRefusalNamesTheHostAndTheAddressItResolvesTo() {
        GuardedDnsResolver guard = guard(new Answers().with("metadata.test", "169.254.169.254"), null, false);

        assertThat(refusal(guard, "metadata.test", 80))
                .isEqualTo("metadata.test resolves to 169.254.169.254, a link-local address");
    }

    @Test
    void aNameWithOneInternalAddressAmongPublicOnesIsRefused() {
        GuardedDnsResolver guard =
                guard(new Answers().with("cdn.test", "93.184.216.34", "10.1.2.3", "8.8.8.8"), null, false);

        assertThat(refusal(guard, "cdn.test", 443))
                .isEqualTo("cdn.test resolves to 10.1.2.3, a private network address");
    }

    @Test
    void theApiOriginPassesWhateverItResolvesToButOnlyOnItsOwnPort() {
        Answers answers = new Answers().with("api.example.test", "127.0.0.1");
        GuardedDnsResolver guard = guard(answers, null, false);

        assertThat(refusal(guard, "api.example.test", 443)).isNull();
        assertThat(refusal(guard, "API.Example.Test", 443)).isNull();
        assertThat(refusal(guard, "api.example.test", 8443)).contains("loopback");
        assertThat(refusal(guard, "api.example.test", 80)).contains("loopback");
    }

    @Test
    void theProxyPassesWhateverItResolvesTo() {
        Answers answers = new Answers().with("proxy.corp.test", "10.0.0.8");
        ProxySettings proxy = new ProxySettings("proxy.corp.test", 3128, null, null, null);
        GuardedDnsResolver guard = new GuardedDnsResolver(DownloadRules.of(API, null, false, answers), proxy);

        assertThat(catchThrowable(() -> guard.resolve("proxy.corp.test", 3128))).isNull();
        assertThatThrownBy(() -> guard.resolve("proxy.corp.test", 80))
                .isInstanceOf(DownloadAddressRefusedException.class);
    }

    @Test
    void allowingPrivateAddressesOpensPrivateNetworksOnly() {
        Answers answers = new Answers();
        INTERNAL.keySet().forEach(address -> answers.with("internal-" + address + ".test", address));
        GuardedDnsResolver guard = guard(answers, null, true);

        List<String> passed = new ArrayList<>();
        INTERNAL.keySet().forEach(address -> {
            if (refusal(guard, "internal-" + address + ".test", 443) == null) {
                passed.add(address);
            }
        });

        assertThat(passed)
                .containsExactly(
                        "10.0.0.1",
                        "172.16.0.1",
                        "172.31.255.254",
                        "192.168.1.1",
                        "100.100.100.200",
                        "fc00::1",
                        "fd00:ec2::254",
                        "::10.0.0.1",
                        "2002:c0a8:101::1");
    }

    @Test
    void hostsNamedInTheAllowListPassWhateverTheyResolveTo() {
        Answers answers = new Answers()
                .with("minio.corp.test", "127.0.0.1")
                .with("videos.corp.test", "10.0.0.5")
                .with("corp.test.evil.test", "10.0.0.5")
                .with("videos.other.test", "10.0.0.5");
        GuardedDnsResolver guard = guard(answers, "minio.corp.test | *.corp.test", false);

        assertThat(refusal(guard, "minio.corp.test", 9000)).isNull();
        assertThat(refusal(guard, "VIDEOS.corp.test", 443)).isNull();
        assertThat(refusal(guard, "corp.test.evil.test", 443)).contains("private network");
        assertThat(refusal(guard, "videos.other.test", 443)).contains("private network");
    }

    @Test
    void behindAProxyTheTargetIsResolvedAndCheckedWhenTheRouteIsPlanned() throws Exception {
        Answers answers = new Answers()
                .with("proxy.corp.test", "10.0.0.8")
                .with("metadata.test", "169.254.169.254")
                .with("cdn.test", "93.184.216.34");
        ProxySettings proxy = new ProxySettings("proxy.corp.test", 3128, null, null, "direct.test");
        GuardedDnsResolver guard = new GuardedDnsResolver(DownloadRules.of(API, null, false, answers), proxy);
        ProxyRoutePlanner planner = new ProxyRoutePlanner(proxy, guard);
        HttpClientContext context = HttpClientContext.create();

        Throwable refused =
                catchThrowable(() -> planner.determineRoute(new HttpHost("http", "metadata.test", -1), context));
        Throwable unresolvable =
                catchThrowable(() -> planner.determineRoute(new HttpHost("https", "nowhere.test", -1), context));
        HttpRoute toCdn = planner.determineRoute(new HttpHost("https", "cdn.test", -1), context);
        HttpRoute toApi = planner.determineRoute(new HttpHost("https", "api.example.test", -1), context);
        HttpRoute direct = planner.determineRoute(new HttpHost("http", "direct.test", -1), context);

        assertThat(refused)
                .isInstanceOf(HttpException.class)
                .hasCauseInstanceOf(DownloadAddressRefusedException.class)
                .hasMessage("metadata.test resolves to 169.254.169.254, a link-local address");
        assertThat(unresolvable)
                .isInstanceOf(HttpException.class)
                .hasCauseInstanceOf(DownloadAddressRefusedException.class)
                .hasMessageContaining("nowhere.test does not resolve here");
        assertThat(toCdn.getProxyHost()).isEqualTo(new HttpHost("proxy.corp.test", 3128));
        assertThat(toApi.getProxyHost()).isEqualTo(new HttpHost("proxy.corp.test", 3128));
        // reached directly, so checked on the address connected to, when the client resolves it
        assertThat(direct.getProxyHost()).isNull();
    }

    @Test
    void entriesThatCannotNameAHostAreTold() {
        assertThat(DownloadRules.invalidHostPattern("cdn.example.com|*.example.net, [::1], 10.*"))
                .isNull();
        assertThat(DownloadRules.invalidHostPattern("https://cdn.example.com")).isEqualTo("https://cdn.example.com");
        assertThat(DownloadRules.invalidHostPattern("cdn.example.com:443")).isEqualTo("cdn.example.com:443");
        assertThat(DownloadRules.invalidHostPattern("cdn.example.com/videos")).isEqualTo("cdn.example.com/videos");
    }
}
