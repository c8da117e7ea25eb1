package io.github.camelseedance.client;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * The client's DNS resolver: the addresses it returns are the ones the client connects to, so refusing here judges the
 * address actually connected to. The API's origin and the proxy pass unchecked; any other host passes only if the
 * {@link DownloadRules} allow every address it resolves to.
 */
final class GuardedDnsResolver implements DnsResolver {

    private final DownloadRules rules;
    private final ProxySettings proxy;
    private final DnsResolver delegate;

    GuardedDnsResolver(DownloadRules rules, ProxySettings proxy) {
        this.rules = rules;
        this.proxy = proxy;
        this.delegate = rules.dnsResolver() != null ? rules.dnsResolver() : SystemDefaultDnsResolver.INSTANCE;
    }

    /** The client's only lookup: every connection it opens asks for its host and port here. */
    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        List<InetSocketAddress> addresses = delegate.resolve(host, port);
        if (isExempt(host, port) || addresses == null) {
            return addresses;
        }
        for (InetSocketAddress address : addresses) {
            check(host, address.getAddress());
        }
        return addresses;
    }

    /** A lookup without a port, which the client does not make; checked, since no origin or proxy can be told. */
    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = delegate.resolve(host);
        if (!rules.isAllowedHost(host) && addresses != null) {
            for (InetAddress address : addresses) {
                check(host, address);
            }
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return delegate.resolveCanonicalHostname(host);
    }

    /**
     * Checks a target the proxy will connect to: it is resolved here, before the request goes to the proxy, and refused
     * when it resolves to an address the rules do not allow, or does not resolve here at all.
     */
    void checkProxiedTarget(String host, int port) throws DownloadAddressRefusedException {
        if (isExempt(host, port)) {
            return;
        }
        try {
            resolve(host, port);
        } catch (DownloadAddressRefusedException refused) {
            throw refused;
        } catch (UnknownHostException unknown) {
            throw new DownloadAddressRefusedException(host + " does not resolve here, so where the proxy would connect"
                    + " cannot be checked (with a proxy, video hosts are still looked up here first)");
        }
    }

    private boolean isExempt(String host, int port) {
        return rules.isOrigin(host, port)
                || (proxy != null
                        && port == proxy.port()
                        && HostPatterns.bare(host).equals(HostPatterns.bare(proxy.host())))
                || rules.isAllowedHost(host);
    }

    private void check(String host, InetAddress address) throws DownloadAddressRefusedException {
        AddressKind kind = AddressKind.of(address);
        if (!rules.allows(kind)) {
            String shown = address.getHostAddress();
            String what = HostPatterns.bare(host).equalsIgnoreCase(shown)
                    ? host + " is "
                    : host + " resolves to " + shown + ", ";
            throw new DownloadAddressRefusedException(what + kind.describe());
        }
    }
}
