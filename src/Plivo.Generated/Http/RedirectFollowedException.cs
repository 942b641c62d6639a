using System;
using System.Net.Http;

namespace Plivo.Generated.Http;

/// <summary>
/// The caller's <see cref="HttpClient"/> followed a redirect, so the answer came from another origin than the request
/// was sent to, or to another method (a POST turned GET). Plivo's API does not redirect; such an answer is never used,
/// nor retried.
/// </summary>
internal sealed class RedirectFollowedException : Exception
{
    public RedirectFollowedException(HttpMethod sent, HttpMethod answered, Uri? location)
        : base($"the HttpClient given to PlivoApi followed a redirect (to {answered.Method} {(location is null ? "(no URI)" : Failures.Redact(location))}" +
            (sent == answered ? ")" : $", which turned the {sent.Method} into a {answered.Method})") +
            "; Plivo's API does not redirect, so the answer is not used. Set AllowAutoRedirect = false on its handler")
    {
    }
}
