using System;
using System.Collections.Generic;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Plivo.Generated;

/// <summary>
/// Every failure that came from Plivo or the network: an error status, an answer that could not be read, a connection
/// that failed, or a call that timed out. (The name is the one Plivo's own .NET SDK uses.)
/// </summary>
/// <remarks>
/// The generated clients throw it (nswag.json names it as their exception class and leaves its writing to us). Its message
/// reads <c>Plivo API returned 404 (Not Found): &lt;error&gt; [api_id &lt;id&gt;]</c>. It never holds the Auth Token.
/// </remarks>
public partial class PlivoRestException : Exception
{
    /// <summary>The most characters of Plivo's <c>error</c> text that <see cref="Exception.Message"/> quotes; <see cref="ResponseBody"/> keeps the whole answer.</summary>
    public const int MaxExcerpt = 300;

    private static readonly IReadOnlyDictionary<string, IEnumerable<string>> NoHeaders = new Dictionary<string, IEnumerable<string>>();

    /// <summary>Creates the exception (the generated clients call this).</summary>
    /// <param name="message">What the generated code or the transport says went wrong.</param>
    /// <param name="statusCode">The HTTP status, or 0 when no answer arrived.</param>
    /// <param name="response">The raw body of the answer, if any.</param>
    /// <param name="headers">The headers of the answer.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public PlivoRestException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>>? headers, Exception? innerException)
        : this(Parse(message, statusCode, response), statusCode, response, headers, innerException)
    {
    }

    /// <summary>The pipeline's exception: its message redacted of every secret, and whether an earlier attempt may have succeeded.</summary>
    internal PlivoRestException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>>? headers, Exception? innerException, PlivoCredentials credentials, bool earlierAttemptMayHaveSucceeded)
        : this(Parse(message, statusCode, response).Redacted(credentials, earlierAttemptMayHaveSucceeded), statusCode, response, headers, credentials.Scrub(innerException))
    {
        EarlierAttemptMayHaveSucceeded = earlierAttemptMayHaveSucceeded;
    }

    private PlivoRestException(ParsedError parsed, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>>? headers, Exception? innerException)
        : base(parsed.Message, innerException)
    {
        StatusCode = statusCode;
        ResponseBody = string.IsNullOrEmpty(response) ? null : response;
        Headers = headers ?? NoHeaders;
        ApiId = parsed.ApiId;
        Error = parsed.Error;
    }

    /// <summary>The HTTP status Plivo (or a proxy) answered with, or 0 when no answer arrived (connection failure, timeout).</summary>
    public int StatusCode { get; }

    /// <summary>
    /// True when this answer (a 404 to a remove, say) came on a retry and an earlier attempt of the same call got no
    /// answer or a 5xx: Plivo may have done what was asked then, so "not found" may mean "already removed".
    /// </summary>
    public bool EarlierAttemptMayHaveSucceeded { get; }

    /// <summary>Plivo's identifier of the failed call (<c>api_id</c>), when the body was Plivo's error JSON.</summary>
    public string? ApiId { get; }

    /// <summary>Plivo's description of the error (<c>error</c>), when the body was Plivo's error JSON.</summary>
    public string? Error { get; }

    /// <summary>The raw body of the answer, or null when there was none.</summary>
    public string? ResponseBody { get; }

    /// <summary>The headers of the answer (empty when no answer arrived).</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }

    // A string as its text, a number or true/false as written; an object, array or null is no value.
    private static string? Scalar(JsonElement json, string name) =>
        !json.TryGetProperty(name, out var value) ? null : value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => null,
        };

    private static ParsedError Parse(string detail, int statusCode, string? body)
    {
        string? apiId = null, error = null;
        if (body is not null && body.TrimStart().StartsWith("{", StringComparison.Ordinal))
        {
            try
            {
                using var json = JsonDocument.Parse(body);
                if (json.RootElement.ValueKind == JsonValueKind.Object)
                {
                    apiId = Scalar(json.RootElement, "api_id");
                    error = Scalar(json.RootElement, "error");
                }
            }
            catch (JsonException)
            {
                // Not Plivo's error JSON (truncated, or another shape): the status and the raw body still tell the caller.
            }
        }

        var message = new StringBuilder();
        if (statusCode > 0)
        {
            message.Append("Plivo API returned ").Append(statusCode).Append(" (").Append(ReasonPhrase(statusCode)).Append("): ");
        }
        else
        {
            message.Append("Plivo API call failed: ");
        }

        message.Append(Excerpt(string.IsNullOrWhiteSpace(error) ? detail : error!));
        if (!string.IsNullOrEmpty(apiId))
        {
            message.Append(" [api_id ").Append(Excerpt(apiId!, 64)).Append(']');
        }

        return new ParsedError(message.ToString(), apiId, error);
    }

    // At most `max` characters of text from the answer, on one line: control characters escaped (no forged log lines).
    private static string Excerpt(string text, int max = MaxExcerpt)
    {
        var shown = new StringBuilder(Math.Min(text.Length, max) + 16);
        foreach (var c in text)
        {
            if (shown.Length >= max)
            {
                shown.Append("... (").Append(text.Length).Append(" characters)");
                break;
            }

            if (char.IsControl(c))
            {
                shown.Append(c switch { '\r' => "\\r", '\n' => "\\n", '\t' => "\\t", _ => "\\u" + ((int)c).ToString("x4") });
            }
            else
            {
                shown.Append(c);
            }
        }

        return shown.ToString();
    }

    // "NotFound" -> "Not Found"; a status without a name reads "HTTP 599".
    private static string ReasonPhrase(int statusCode)
    {
        var name = ((HttpStatusCode)statusCode).ToString();
        if (name.Length == 0 || char.IsDigit(name[0]))
        {
            return "HTTP " + statusCode;
        }

        var spaced = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
            {
                spaced.Append(' ');
            }

            spaced.Append(name[i]);
        }

        return spaced.ToString();
    }

    private readonly struct ParsedError
    {
        public ParsedError(string message, string? apiId, string? error)
        {
            Message = message;
            ApiId = apiId;
            Error = error;
        }

        public string Message { get; }
        public string? ApiId { get; }
        public string? Error { get; }

        public ParsedError Redacted(PlivoCredentials credentials, bool earlierAttemptMayHaveSucceeded) => new(
            credentials.Redact(Message) + (earlierAttemptMayHaveSucceeded ? " An earlier attempt of this call got no answer (or a 5xx), so it may have succeeded." : string.Empty),
            ApiId is null ? null : credentials.Redact(ApiId),
            Error is null ? null : credentials.Redact(Error));
    }
}

/// <summary>A <see cref="PlivoRestException"/> whose body was parsed into the error type the spec declares for that status.</summary>
/// <typeparam name="TResult">The error body's type, <see cref="PlivoError"/> for Plivo's errors.</typeparam>
public partial class PlivoRestException<TResult> : PlivoRestException
{
    /// <summary>Creates the exception (the generated clients call this).</summary>
    /// <param name="message">What the generated code says went wrong.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="response">The raw body of the answer.</param>
    /// <param name="headers">The headers of the answer.</param>
    /// <param name="result">The parsed error body.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public PlivoRestException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>>? headers, TResult result, Exception? innerException)
        : base(message, statusCode, response, headers, innerException)
    {
        Result = result;
    }

    internal PlivoRestException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>>? headers, TResult result, PlivoCredentials credentials, bool earlierAttemptMayHaveSucceeded)
        : base(message, statusCode, response, headers, null, credentials, earlierAttemptMayHaveSucceeded)
    {
        Result = result;
    }

    /// <summary>The parsed error body.</summary>
    public TResult Result { get; }
}
