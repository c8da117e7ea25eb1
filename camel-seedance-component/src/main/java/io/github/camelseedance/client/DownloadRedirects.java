package io.github.camelseedance.client;

import org.apache.hc.client5.http.impl.DefaultRedirectStrategy;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Which answers to a video download are redirects, where to, and which are followed: all but those from https down to
 * http or away from http(s), whose status reaches the caller. Followed hop by hop by the download (API calls follow
 * none), not by the client, which would read a redirect's body to its end first.
 */
final class DownloadRedirects extends DefaultRedirectStrategy {

    @Override
    public boolean isRedirectAllowed(
            HttpHost currentTarget, HttpHost newTarget, HttpRequest redirect, HttpContext context) {
        String to = newTarget.getSchemeName();
        boolean web = "http".equalsIgnoreCase(to) || "https".equalsIgnoreCase(to);
        boolean downgrade = "https".equalsIgnoreCase(currentTarget.getSchemeName()) && !"https".equalsIgnoreCase(to);
        return web && !downgrade && super.isRedirectAllowed(currentTarget, newTarget, redirect, context);
    }
}
