using System;
using System.Collections.Generic;
using System.Linq;

namespace Plivo.Generated;

/// <summary>
/// Settings for some calls only, over the same connection pool: <c>api.With(new PlivoCallOptions { MaxRetries = 0 })</c>
/// (or <c>api.With(o =&gt; o.MaxRetries = 0)</c>) gives a <see cref="PlivoApi"/> whose calls use them; the original is
/// unchanged. What is null here keeps the <see cref="PlivoClientOptions"/> value.
/// </summary>
public sealed class PlivoCallOptions
{
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Proxy-Authorization", "Host", "Content-Type", "Content-Length", "Transfer-Encoding", "Connection",
    };

    /// <summary>The whole call's deadline, retries included (see <see cref="PlivoClientOptions.Timeout"/>).</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>Each attempt's timeout (see <see cref="PlivoClientOptions.AttemptTimeout"/>).</summary>
    public TimeSpan? AttemptTimeout { get; set; }

    /// <summary>How often a failed call is tried again (see <see cref="PlivoClientOptions.MaxRetries"/>).</summary>
    public int? MaxRetries { get; set; }

    /// <summary>Extra request headers (a correlation id, say). Authorization, Host and the content headers are the library's and refused.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>A copy of <paramref name="options"/> with these settings applied, checked.</summary>
    /// <exception cref="ArgumentException">A setting is out of range, or a header is reserved or malformed; the message names it.</exception>
    internal PlivoClientOptions ApplyTo(PlivoClientOptions options)
    {
        var copy = options.Clone();
        copy.Timeout = Timeout ?? copy.Timeout;
        copy.AttemptTimeout = AttemptTimeout ?? copy.AttemptTimeout;
        copy.MaxRetries = MaxRetries ?? copy.MaxRetries;
        copy.Validate();
        foreach (var header in Headers)
        {
            if (ReservedHeaders.Contains(header.Key))
            {
                throw new ArgumentException($"The header '{header.Key}' is set by the library and cannot be given per call.", nameof(Headers));
            }

            if (header.Key.Length == 0 || header.Key.Any(c => c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".IndexOf(c) >= 0))
            {
                throw new ArgumentException($"'{header.Key}' is not a header name.", nameof(Headers));
            }

            if (header.Value is null || header.Value.Any(c => c is '\r' or '\n'))
            {
                throw new ArgumentException($"The value of header '{header.Key}' is null or spans lines.", nameof(Headers));
            }
        }

        return copy;
    }

    /// <summary>A copy of these options.</summary>
    public PlivoCallOptions Clone()
    {
        var copy = new PlivoCallOptions { Timeout = Timeout, AttemptTimeout = AttemptTimeout, MaxRetries = MaxRetries };
        foreach (var header in Headers)
        {
            copy.Headers[header.Key] = header.Value;
        }

        return copy;
    }

    /// <summary>Shows the settings and the header names (never their values).</summary>
    public override string ToString() =>
        $"PlivoCallOptions(Timeout={Timeout?.ToString() ?? "-"}, AttemptTimeout={AttemptTimeout?.ToString() ?? "-"}, MaxRetries={MaxRetries?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}, Headers=[{string.Join(", ", Headers.Keys)}])";
}
