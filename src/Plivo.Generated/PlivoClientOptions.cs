using System;
using System.Threading;

namespace Plivo.Generated;

/// <summary>Settings of a <see cref="PlivoApi"/>. Every value has a safe default; <see cref="Validate"/> checks them all.</summary>
public sealed class PlivoClientOptions
{
    /// <summary>Plivo's production API.</summary>
    public static readonly Uri DefaultBaseUrl = new("https://api.plivo.com/v1/");

    /// <summary>The default for <see cref="Timeout"/>.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Where the API lives; every path is resolved under it. Default <c>https://api.plivo.com/v1/</c>. It must be
    /// <c>https</c>, unless its host is loopback (a sandbox on this machine) or <see cref="AllowInsecureHttp"/> is set.
    /// </summary>
    public Uri BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>
    /// How long one call may take, from sending the request to reading the whole answer; then it fails with a
    /// <see cref="PlivoRestException"/> saying it timed out. Default 30 seconds; <see cref="Timeout.InfiniteTimeSpan"/> turns it off.
    /// </summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>Text appended to the User-Agent header, such as <c>MyApp/1.2</c>. Printable ASCII only.</summary>
    public string? UserAgentSuffix { get; set; }

    /// <summary>Allows a plain <c>http</c> <see cref="BaseUrl"/> on a host that is not loopback. Off by default: the Auth Token would travel in clear text.</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>Checks every setting and names the first one that is wrong.</summary>
    /// <exception cref="ArgumentException">A setting is invalid; <see cref="ArgumentException.ParamName"/> names it.</exception>
    public void Validate()
    {
        if (BaseUrl is null)
        {
            throw new ArgumentNullException(nameof(BaseUrl), "PlivoClientOptions.BaseUrl must be set.");
        }

        if (!BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttps && BaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"PlivoClientOptions.BaseUrl must be an absolute http(s) URL; '{BaseUrl}' is not.", nameof(BaseUrl));
        }

        if (!string.IsNullOrEmpty(BaseUrl.Query) || !string.IsNullOrEmpty(BaseUrl.Fragment) || !string.IsNullOrEmpty(BaseUrl.UserInfo))
        {
            throw new ArgumentException($"PlivoClientOptions.BaseUrl must not carry a query, fragment or user info; '{BaseUrl}' does.", nameof(BaseUrl));
        }

        if (BaseUrl.Scheme == Uri.UriSchemeHttp && !BaseUrl.IsLoopback && !AllowInsecureHttp)
        {
            throw new ArgumentException(
                $"PlivoClientOptions.BaseUrl '{BaseUrl}' is plain http on a host that is not loopback; the Auth Token would be sent in clear text. Use https, or set AllowInsecureHttp.",
                nameof(BaseUrl));
        }

        if (Timeout != System.Threading.Timeout.InfiniteTimeSpan && (Timeout <= TimeSpan.Zero || Timeout.TotalMilliseconds > int.MaxValue))
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "PlivoClientOptions.Timeout must be positive (at most ~24 days) or Timeout.InfiniteTimeSpan.");
        }

        if (UserAgentSuffix is { } suffix)
        {
            foreach (var c in suffix)
            {
                if (c < ' ' || c > '~')
                {
                    throw new ArgumentException("PlivoClientOptions.UserAgentSuffix may hold printable ASCII only.", nameof(UserAgentSuffix));
                }
            }
        }
    }

    /// <summary>A copy of these options; changing one does not change the other.</summary>
    public PlivoClientOptions Clone() => (PlivoClientOptions)MemberwiseClone();

    /// <summary>Shows the settings; there is nothing secret in them.</summary>
    public override string ToString() =>
        $"PlivoClientOptions(BaseUrl={BaseUrl}, Timeout={Timeout}, UserAgentSuffix={UserAgentSuffix ?? "(none)"}, AllowInsecureHttp={AllowInsecureHttp})";
}
