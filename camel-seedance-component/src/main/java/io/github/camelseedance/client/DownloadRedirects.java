package io.github.camelseedance.client;

import org.apache.hc.client5.http.impl.DefaultRedirectStrategy;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Redirects as the client follows them for video downloads (API calls follow none), except from https down to http
 * or away from http(s): such a redirect is not followed, and its status reaches the caller.
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
