using System;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using Polly;
using Polly.Timeout;

namespace Plivo.Generated.Http;

/// <summary>
/// What may be tried again (Polly decides when and how often). GET and DELETE are idempotent: retried on 408, 429, 500,
/// 502, 503, 504, connection failures and attempt timeouts. POST (create, update, add) is not: Plivo may have acted
/// before failing, so it is retried only on 429 and on connection failures that prove the request never left
/// (connection refused, host not found). Never retried: an answer over the size limit, a TLS certificate failure, a
/// cancellation.
/// </summary>
internal static class RetryRule
{
    public static bool ShouldRetry(HttpMethod method, Outcome<HttpResponseMessage> outcome)
    {
        var idempotent = method == HttpMethod.Get || method == HttpMethod.Delete || method == HttpMethod.Head;
        if (outcome.Result is { } response)
        {
            var status = (int)response.StatusCode;
            return status == 429 || (idempotent && status is 408 or 500 or 502 or 503 or 504);
        }

        return outcome.Exception switch
        {
            TimeoutRejectedException or TimeoutException => idempotent,
            OperationCanceledException => false, // the caller's cancellation, the deadline or disposal: stop
            ResponseTooLargeException => false,
            { } e when IsCertificateFailure(e) => false,
            { } e when NeverSent(e) => true,
            HttpRequestException or IOException => idempotent,
            _ => false,
        };
    }

    /// <summary>True when the failure proves the request never reached a server: connection refused or host not found.</summary>
    public static bool NeverSent(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
#if NET8_0_OR_GREATER
            if (e is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError })
            {
                return true;
            }
#endif
            if (e is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.NoData })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A TLS handshake that failed (a certificate the machine does not trust): trying again changes nothing.</summary>
    public static bool IsCertificateFailure(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is AuthenticationException)
            {
                return true;
            }
        }

        return false;
    }
}
