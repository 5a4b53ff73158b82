package provider

import (
	"fmt"
	"net"
	"net/url"
	"strings"
)

// normalizePortalURL turns the configured portal address into the base URL the client expects:
// scheme and host, an optional path prefix, and no trailing slash or /api/2.0 suffix.
func normalizePortalURL(raw string, allowInsecureHTTP bool) (string, error) {
	s := strings.TrimSpace(raw)
	if !strings.Contains(s, "://") {
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil {
		return "", fmt.Errorf("%q is not a valid URL: %v. Use the portal's address, such as https://yourportal.onlyoffice.com", raw, err)
	}
	switch {
	case u.Scheme != "https" && u.Scheme != "http":
		return "", fmt.Errorf("%q uses the scheme %q; the portal URL must start with https://", raw, u.Scheme)
	case u.Hostname() == "":
		return "", fmt.Errorf("%q has no host name; use the portal's address, such as https://yourportal.onlyoffice.com", raw)
	case u.User != nil:
		return "", fmt.Errorf("%q contains credentials; put the API key in api_key instead", raw)
	case u.RawQuery != "" || u.Fragment != "":
		return "", fmt.Errorf("%q has a query or fragment; use only the portal's address", raw)
	case u.Scheme == "http" && !allowInsecureHTTP && !isLoopback(u.Hostname()):
		return "", fmt.Errorf("%q uses plain http, which would send the API key unencrypted. Use https://, "+
			"or set allow_insecure_http = true if the portal is on a trusted network", raw)
	}
	p := strings.TrimRight(u.Path, "/")
	p = strings.TrimSuffix(p, "/api/2.0")
	return u.Scheme + "://" + u.Host + strings.TrimRight(p, "/"), nil
}

func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
