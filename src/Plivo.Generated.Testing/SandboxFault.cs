using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Plivo.Generated.Testing;

/// <summary>
/// A fault the sandbox injects into the requests it matches: by the spec's <see cref="Operation"/> (an operationId such
/// as <c>Tollfree_Add</c>), or by <see cref="Method"/> and <see cref="Path"/>. It answers <see cref="Status"/> (with
/// Plivo's error JSON or <see cref="Body"/>), after <see cref="DelayMs"/>, or closes the connection
/// (<see cref="Close"/>); a 429 can carry <see cref="RetryAfter"/>. <see cref="Times"/> bounds how often it fires,
/// <see cref="Probability"/> how likely it is to fire on a match. A fault with only a delay delays the real answer.
/// The same fields, snake_case, are the JSON of <c>POST /__sandbox/faults</c>.
/// </summary>
public sealed class SandboxFault
{
    /// <summary>The operationId of the spec to match, such as <c>Tollfree_Add</c>; or null to match by <see cref="Method"/> and <see cref="Path"/>.</summary>
    [JsonProperty("operation")]
    public string? Operation { get; set; }

    /// <summary>The HTTP method to match (with <see cref="Path"/>); null matches any.</summary>
    [JsonProperty("method")]
    public string? Method { get; set; }

    /// <summary>
    /// The path to match: the whole path (<c>/v1/Account/MA.../Powerpack/</c>) or the part after the account
    /// (<c>/Powerpack/</c>), where <c>*</c> stands for one segment (<c>/NumberPool/*/Tollfree/*/</c>).
    /// </summary>
    [JsonProperty("path")]
    public string? Path { get; set; }

    /// <summary>The status to answer, 100 to 599; null with <see cref="DelayMs"/> alone delays the real answer.</summary>
    [JsonProperty("status")]
    public int? Status { get; set; }

    /// <summary>The body to answer: a JSON value, written as it is, or a string sent as raw text (such as a proxy's HTML page). Null: Plivo's error JSON.</summary>
    [JsonProperty("body")]
    public JToken? Body { get; set; }

    /// <summary>The Content-Type of the answer; default <c>application/json</c>.</summary>
    [JsonProperty("content_type")]
    public string? ContentType { get; set; }

    /// <summary>How long to wait before answering (or closing), in milliseconds, 0 to 600,000.</summary>
    [JsonProperty("delay_ms")]
    public int? DelayMs { get; set; }

    /// <summary>Close the connection instead of answering.</summary>
    [JsonProperty("close")]
    public bool Close { get; set; }

    /// <summary>The Retry-After header to send, in seconds.</summary>
    [JsonProperty("retry_after")]
    public int? RetryAfter { get; set; }

    /// <summary>How many times the fault fires before it is spent; null: every time.</summary>
    [JsonProperty("times")]
    public int? Times { get; set; }

    /// <summary>The chance a matching request gets the fault, above 0 and at most 1; null: 1.</summary>
    [JsonProperty("probability")]
    public double? Probability { get; set; }

    /// <summary>Checks the fault against the operations the sandbox serves; the message names the field that is wrong.</summary>
    /// <exception cref="ArgumentException">A field is missing, unknown or out of range.</exception>
    public void Validate()
    {
        if (Operation is null && Path is null)
        {
            throw new ArgumentException("A fault needs an operation (a spec operationId such as Tollfree_Add) or a path (with an optional method).", nameof(Operation));
        }

        if (Operation is not null && !SandboxRoutes.Handlers.ContainsKey(Operation))
        {
            throw new ArgumentException($"operation '{Operation}' is not an operation of the spec; it serves {string.Join(", ", SandboxRoutes.Handlers.Keys)}.", nameof(Operation));
        }

        if (Path is not null && !Path.StartsWith("/", StringComparison.Ordinal))
        {
            throw new ArgumentException($"path '{Path}' must start with '/'.", nameof(Path));
        }

        if (Method is not null && !Regex.IsMatch(Method, "^[A-Za-z]+$"))
        {
            throw new ArgumentException($"method '{Method}' is not an HTTP method.", nameof(Method));
        }

        if (Status is null && DelayMs is null && !Close)
        {
            throw new ArgumentException("A fault needs a status, a delay_ms or close: true.", nameof(Status));
        }

        if (Status is < 100 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(Status), Status, "status must be between 100 and 599.");
        }

        if (DelayMs is < 0 or > 600_000)
        {
            throw new ArgumentOutOfRangeException(nameof(DelayMs), DelayMs, "delay_ms must be between 0 and 600000.");
        }

        if (RetryAfter is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(RetryAfter), RetryAfter, "retry_after must not be negative.");
        }

        if (Times is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Times), Times, "times must be at least 1 (leave it out for every time).");
        }

        if (Probability is { } p && !(p > 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Probability), Probability, "probability must be above 0 and at most 1.");
        }

        if ((Body is not null || ContentType is not null || RetryAfter is not null) && Status is null)
        {
            throw new ArgumentException("body, content_type and retry_after need a status to answer with.", nameof(Status));
        }
    }

    /// <summary>Whether the fault matches a request: its operationId (null when it matched none), method, whole path and the path after the account.</summary>
    internal bool Matches(string? operationId, string method, string path, string? accountRelativePath)
    {
        if (Operation is not null && !string.Equals(Operation, operationId, StringComparison.Ordinal))
        {
            return false;
        }

        if (Method is not null && !string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return Path is null || PathMatches(Path, path) || (accountRelativePath is not null && PathMatches(Path, accountRelativePath));
    }

    internal SandboxFault Clone() => (SandboxFault)MemberwiseClone();

    /// <summary>Shows what the fault matches and does.</summary>
    public override string ToString() =>
        $"SandboxFault({string.Join(", ", new[] { Operation, Method, Path, Status?.ToString(System.Globalization.CultureInfo.InvariantCulture), DelayMs is null ? null : $"{DelayMs} ms", Close ? "close" : null, Times is null ? null : $"x{Times}" }.Where(p => p is not null))})";

    private static bool PathMatches(string pattern, string path)
    {
        var want = pattern.Split('/');
        var have = path.Split('/');
        return want.Length == have.Length && want.Zip(have, (w, h) => w == "*" || string.Equals(w, h, StringComparison.Ordinal)).All(m => m);
    }
}
