using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Text.Json;
using Polly;
using Polly.Timeout;

namespace Plivo.Generated.Http;

/// <summary>
/// The one place where a call's outcome becomes what the caller sees: a 2xx answer passes on to the generated code; an
/// error status or a fault becomes a <see cref="PlivoRestException"/> whose message says what happened and which limit
/// fired; the caller's own cancellation stays an <see cref="OperationCanceledException"/>, and a disposed pipeline an
/// <see cref="ObjectDisposedException"/>.
/// </summary>
internal static class Failures
{
    public static HttpResponseMessage SuccessOrThrow(Outcome<HttpResponseMessage> outcome, Call call, CancellationToken cancellationToken)
    {
        if (outcome.Exception is { } failure)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (call.PipelineDisposed)
            {
                throw new ObjectDisposedException(nameof(PlivoApi), call.Credentials.Redact($"{What(call)} was cut off: the PlivoApi (its PlivoPipeline) was disposed during the call."));
            }

            if (failure is ObjectDisposedException)
            {
                // The caller disposed the HttpClient they passed in.
                ExceptionDispatchInfo.Capture(failure).Throw();
            }

            throw FromFault(failure, call);
        }

        var response = outcome.Result!;
        var status = (int)response.StatusCode;
        if (status is >= 200 and < 300)
        {
            // 204 No Content has no body; the generated code reads the spec's object for it, so give it an empty one.
            if (status == 204)
            {
                response.Content = EmptyObject(response.Content);
            }

            return response;
        }

        try
        {
            throw FromAnswer(response, call);
        }
        finally
        {
            response.Dispose();
        }
    }

    /// <summary>An answer with an error status (3xx included: Plivo does not redirect) as an exception.</summary>
    public static PlivoRestException FromAnswer(HttpResponseMessage response, Call call)
    {
        var body = response.Content is BufferedContent buffered ? BodyText.Decode(buffered) : null;
        var detail = $"{What(call)} answered {(int)response.StatusCode}";
        if ((int)response.StatusCode is >= 300 and < 400)
        {
            detail += response.Headers.Location is { } location
                ? $", a redirect to {Redact(location)}, which is not followed"
                : ", a redirect, which is not followed";
        }

        var status = (int)response.StatusCode;
        // A 404 to a remove whose earlier attempt may have reached Plivo: the number may be gone because of that attempt.
        var earlier = status == 404 && call.Method == HttpMethod.Delete && call.EarlierAttemptMayHaveActed;
        return ErrorBody(body) is { } error
            ? new PlivoRestException<PlivoError>(detail + ".", status, body, Headers(response), error, call.Credentials, earlier)
            : new PlivoRestException(detail + ".", status, body, Headers(response), null, call.Credentials, earlier);
    }

    // Plivo's {"api_id", "error"} body as the spec's PlivoError, when it is one.
    private static PlivoError? ErrorBody(string? body)
    {
        if (body is null || !body.TrimStart().StartsWith("{", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var error = JsonSerializer.Deserialize<PlivoError>(body, ErrorSettings);
            return error?.Error is not null || error?.ApiId is not null ? error : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static readonly JsonSerializerOptions ErrorSettings = PlivoPipeline.ConfigureJsonSerializerSettings(new JsonSerializerOptions());

    /// <summary>A fault (no answer, or an answer that could not be read) as an exception with status 0.</summary>
    public static PlivoRestException FromFault(Exception failure, Call call)
    {
        var what = What(call);
        var attempts = call.Attempts == 1 ? "1 attempt" : $"{call.Attempts} attempts";
        var options = call.Options;
        var message = failure switch
        {
            TimeoutRejectedException when call.DeadlinePassed =>
                $"{what} timed out after {Seconds(options.Timeout)} (PlivoClientOptions.Timeout); {attempts}.",
            TimeoutRejectedException =>
                $"{what} timed out: no whole answer within {Seconds(options.AttemptTimeout)} (PlivoClientOptions.AttemptTimeout); {attempts} in {Seconds(call.Elapsed)}.",
            RedirectFollowedException =>
                $"{what} failed: {failure.Message} ({attempts}; not retried).",
            TimeoutException when call.HttpClientTimeout is { } limit =>
                $"{what} timed out after {Seconds(limit)} (the Timeout of the HttpClient given to PlivoApi); {attempts} in {Seconds(call.Elapsed)}.",
            ResponseTooLargeException =>
                $"{what} failed: {failure.Message} ({attempts}; not retried).",
            _ when RetryRule.IsCertificateFailure(failure) =>
                $"{what} failed: the TLS handshake was refused ({failure.Message}); not retried.",
            _ => $"{what} failed after {attempts}: {failure.GetType().Name}: {failure.Message}",
        };
        return new PlivoRestException(message, 0, null, null, failure, call.Credentials, earlierAttemptMayHaveSucceeded: false);
    }

    private static BufferedContent EmptyObject(HttpContent? previous)
    {
        previous?.Dispose();
        var content = new BufferedContent(new byte[] { (byte)'{', (byte)'}' }, 2);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }

    public static string Seconds(TimeSpan value) => $"{value.TotalSeconds:0.###} s";

    private static string What(Call call) => $"{call.Method} {call.ShownPath}";

    // A Location can carry user info (a password): never echo it.
    internal static string Redact(Uri location)
    {
        if (!location.IsAbsoluteUri || string.IsNullOrEmpty(location.UserInfo))
        {
            return location.OriginalString.Length > 200 ? location.OriginalString.Substring(0, 200) + "..." : location.OriginalString;
        }

        return new UriBuilder(location) { UserName = string.Empty, Password = string.Empty }.Uri.ToString();
    }

    private static Dictionary<string, IEnumerable<string>> Headers(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            headers[header.Key] = header.Value;
        }

        if (response.Content is not null)
        {
            foreach (var header in response.Content.Headers)
            {
                headers[header.Key] = header.Value;
            }
        }

        return headers;
    }
}
