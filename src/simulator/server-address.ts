/**
 * Points the URLs a server advertises (https://mdm.example.com/mdm/connect in the enrollment
 * profile, its manifest and .ipa links) at where the simulator really reaches it, e.g.
 * http://127.0.0.1:8080: scheme and host are replaced, path and query kept. Only URLs on the
 * advertised origin are re-pointed; others (a CDN holding the apps) are left alone. In production
 * a TLS-terminating proxy stands in between; the simulator talks to the server directly.
 */
export function pointAt(advertised: string, actual: string | undefined): (url: string) => string {
  if (!actual) return (url) => url;
  const from = new URL(advertised).origin;
  const to = new URL(actual);
  return (url) => {
    const target = new URL(url);
    if (target.origin !== from) return url;
    target.protocol = to.protocol;
    target.host = to.host;
    return target.href;
  };
}
