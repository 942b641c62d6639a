using System;
using System.Text;

namespace Plivo.Generated;

/// <summary>
/// A Plivo account's Auth ID and Auth Token. The token is never shown: <see cref="ToString"/> prints the Auth ID alone,
/// and every text the library makes (messages, logs, <c>ToString()</c>) passes through <see cref="Redact"/>, which
/// masks the token, and an Auth ID that could be a token, wherever they appear.
/// </summary>
public sealed class PlivoCredentials
{
    /// <summary>The environment variable <see cref="FromEnvironment"/> reads the Auth ID from.</summary>
    public const string AuthIdVariable = "PLIVO_AUTH_ID";

    /// <summary>The environment variable <see cref="FromEnvironment"/> reads the Auth Token from.</summary>
    public const string AuthTokenVariable = "PLIVO_AUTH_TOKEN";

    /// <summary>Creates credentials from an Auth ID and an Auth Token.</summary>
    /// <param name="authId">The account's Auth ID (the Basic auth user, and part of every path).</param>
    /// <param name="authToken">The account's Auth Token (the Basic auth password).</param>
    /// <exception cref="ArgumentNullException">Either value is null.</exception>
    /// <exception cref="ArgumentException">Either value is empty or whitespace, or the Auth ID holds a character a URL path or the Basic scheme cannot carry.</exception>
    public PlivoCredentials(string authId, string authToken)
    {
        ArgumentChecks.NotBlank(authId, nameof(authId));
        ArgumentChecks.NotBlank(authToken, nameof(authToken));
        foreach (var c in authId)
        {
            if (!(c is >= 'A' and <= 'Z' || c is >= 'a' and <= 'z' || c is >= '0' and <= '9' || c == '_' || c == '-'))
            {
                throw new ArgumentException("The Auth ID may hold only letters, digits, '_' and '-'.", nameof(authId));
            }
        }

        AuthId = authId;
        _authToken = authToken;
        AuthorizationValue = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(authId + ":" + authToken));
    }

    // Shorter "tokens" are test values; masking them would garble ordinary words in messages.
    private const int MinMaskedLength = 8;

    private readonly string _authToken;

    /// <summary>The account's Auth ID.</summary>
    public string AuthId { get; }

    /// <summary>Reads the credentials from <c>PLIVO_AUTH_ID</c> and <c>PLIVO_AUTH_TOKEN</c>.</summary>
    /// <exception cref="InvalidOperationException">Either variable is missing or empty; the message names it and says which.</exception>
    public static PlivoCredentials FromEnvironment()
    {
        var authId = Environment.GetEnvironmentVariable(AuthIdVariable);
        var authToken = Environment.GetEnvironmentVariable(AuthTokenVariable);
        if (Missing(AuthIdVariable, authId, $"set it (and {AuthTokenVariable}) or pass the Auth ID and Auth Token to the constructor") is { } noId)
        {
            throw new InvalidOperationException(noId);
        }

        if (Missing(AuthTokenVariable, authToken, "set it or pass the Auth ID and Auth Token to the constructor") is { } noToken)
        {
            throw new InvalidOperationException(noToken);
        }

        return new PlivoCredentials(authId!, authToken!);
    }

    // "is not set" and "is set but empty" are different mistakes (a shell that exported an empty value).
    private static string? Missing(string variable, string? value, string advice) =>
        value is null ? $"The environment variable {variable} is not set: {advice}."
        : string.IsNullOrWhiteSpace(value) ? $"The environment variable {variable} is set but empty: {advice}."
        : null;

    /// <summary>True when <see cref="AuthId"/> is shaped like Plivo's: 20 characters, <c>MA</c> (account) or <c>SA</c> (subaccount), then capital letters and digits.</summary>
    public bool HasPlivoAuthIdFormat => HasPlivoShape(AuthId);

    private static bool HasPlivoShape(string authId)
    {
        if (authId.Length != 20 || !(authId.StartsWith("MA", StringComparison.Ordinal) || authId.StartsWith("SA", StringComparison.Ordinal)))
        {
            return false;
        }

        foreach (var c in authId)
        {
            if (!(c is >= 'A' and <= 'Z' || c is >= '0' and <= '9'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The credentials in <paramref name="options"/> when it carries both <see cref="PlivoClientOptions.AuthId"/> and
    /// <see cref="PlivoClientOptions.AuthToken"/>, else <see cref="FromEnvironment"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">Only one of the two is set in the options, or the environment lacks a variable; the message names it.</exception>
    public static PlivoCredentials FromOptionsOrEnvironment(PlivoClientOptions? options)
    {
        var authId = options?.AuthId;
        var authToken = options?.AuthToken;
        if (string.IsNullOrWhiteSpace(authId) && string.IsNullOrWhiteSpace(authToken))
        {
            return FromEnvironment();
        }

        if (string.IsNullOrWhiteSpace(authId) || string.IsNullOrWhiteSpace(authToken))
        {
            throw new InvalidOperationException(
                $"PlivoClientOptions.{(string.IsNullOrWhiteSpace(authId) ? "AuthId" : "AuthToken")} is not set: set both AuthId and AuthToken, or neither (to read {AuthIdVariable} / {AuthTokenVariable}).");
        }

        return new PlivoCredentials(authId!, authToken!);
    }

    /// <summary>
    /// The Auth ID as messages, logs and <see cref="ToString"/> show it: whole when it is shaped like Plivo's or no longer
    /// than <see cref="MaxShownAuthIdLength"/> characters, else its first two characters and its length, so that a token
    /// passed as the Auth ID (swapped arguments; Plivo's tokens are 40 characters) is never printed.
    /// </summary>
    public string RedactedAuthId => ShownAuthId(AuthId);

    /// <summary>An Auth ID as messages show it (see <see cref="RedactedAuthId"/>).</summary>
    internal static string ShownAuthId(string authId) =>
        HasPlivoShape(authId) || authId.Length <= MaxShownAuthIdLength ? authId : $"{authId.Substring(0, 2)}... ({authId.Length} characters)";

    /// <summary>The longest Auth ID shown whole when it is not shaped like Plivo's (Plivo's Auth IDs have 20 characters, its tokens 40).</summary>
    public const int MaxShownAuthIdLength = 24;

    /// <summary>The <c>Authorization</c> header value every request carries: <c>Basic base64(authId:authToken)</c>.</summary>
    /// <remarks>Built once; added as text, so it is neither parsed nor printed again per request.</remarks>
    internal string AuthorizationValue { get; }

    /// <summary>
    /// <paramref name="text"/> with the Auth Token (as it is, and URL-escaped) replaced by <c>***</c>, and the Auth ID by
    /// <see cref="RedactedAuthId"/> when that differs: whatever argument a secret was passed as (swapped credentials, a
    /// token in <c>BaseUrl</c> or in a call's argument), it is not printed.
    /// </summary>
    internal string Redact(string text) => Mask(text, _authToken, AuthId);

    /// <summary><see cref="Redact"/> for a token and an Auth ID that may not be set (options not yet validated).</summary>
    internal static string Mask(string text, string? authToken, string? authId)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        if (!string.IsNullOrEmpty(authToken))
        {
            foreach (var secret in new[] { authToken!, Uri.EscapeDataString(authToken!) })
            {
                if (secret.Length >= MinMaskedLength)
                {
                    text = ReplaceIgnoringCase(text, secret, "***");
                }
            }
        }

        if (!string.IsNullOrEmpty(authId))
        {
            var shown = ShownAuthId(authId!);
            text = shown == authId ? text : ReplaceIgnoringCase(text, authId!, shown);
        }

        return text;
    }

    // Case-insensitive: a secret in a host name comes back lower-cased.
    private static string ReplaceIgnoringCase(string text, string value, string replacement)
    {
        var at = text.IndexOf(value, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var from = 0;
        for (; at >= 0; at = text.IndexOf(value, from, StringComparison.OrdinalIgnoreCase))
        {
            result.Append(text, from, at - from).Append(replacement);
            from = at + value.Length;
        }

        return result.Append(text, from, text.Length - from).ToString();
    }

    /// <summary>
    /// <paramref name="exception"/>, or when its text would show a secret (<see cref="Redact"/>), a stand-in of the same
    /// message redacted, so that no exception the library hands over prints one in its <c>ToString()</c>.
    /// </summary>
    internal Exception? Scrub(Exception? exception)
    {
        if (exception is null)
        {
            return null;
        }

        var text = exception.ToString();
        return Redact(text) == text ? exception : new RedactedException(exception.GetType().FullName + ": " + Redact(exception.Message), Scrub(exception.InnerException));
    }

    /// <summary>Shows the Auth ID only; the token is never printed.</summary>
    public override string ToString() => Redact($"PlivoCredentials(AuthId={RedactedAuthId}, AuthToken=***)");

    /// <summary>An exception whose text held a secret, redacted: its message names the original type.</summary>
    private sealed class RedactedException : Exception
    {
        public RedactedException(string message, Exception? innerException)
            : base(message, innerException)
        {
        }
    }
}
