using System;
using System.Net;

namespace Plivo.Generated.Testing;

/// <summary>How a <see cref="PlivoSandbox"/> starts: its credentials, where it listens, and the limits it keeps.</summary>
public sealed class PlivoSandboxOptions
{
    /// <summary>The Auth ID requests must carry; null makes one up (shaped like Plivo's).</summary>
    public string? AuthId { get; set; }

    /// <summary>The Auth Token requests must carry; null makes one up.</summary>
    public string? AuthToken { get; set; }

    /// <summary>The port to listen on; 0 (the default) takes a free one.</summary>
    public int Port { get; set; }

    /// <summary>
    /// The address to listen on: an IP address or <c>localhost</c>; default <c>127.0.0.1</c>. Another than loopback
    /// (such as <c>0.0.0.0</c>, every interface) lets other machines reach the sandbox, so it needs a <see cref="ControlToken"/>.
    /// </summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The token the control API (<c>/__sandbox/</c>) asks for as <c>Authorization: Bearer &lt;token&gt;</c>; null: none asked (loopback only).</summary>
    public string? ControlToken { get; set; }

    /// <summary>Hold every request and every answer to the spec: a request it forbids is answered 400, an answer it forbids 500, each naming the rule.</summary>
    public bool Strict { get; set; }

    /// <summary>A seed document (JSON; see <see cref="PlivoSandbox.SeedSchema"/>) the sandbox starts with and <see cref="PlivoSandbox.Reset"/> returns to; null: empty.</summary>
    public string? Seed { get; set; }

    /// <summary>The largest request body accepted, in bytes; a larger one is answered 413 with Plivo's error JSON. Default 64 KiB.</summary>
    public int MaxRequestBodySize { get; set; } = 64 * 1024;

    /// <summary>How many requests <see cref="PlivoSandbox.Requests"/> keeps, the newest; older ones are dropped. Default 10,000.</summary>
    public int MaxRecordedRequests { get; set; } = 10_000;

    /// <summary>How much of each request's body <see cref="PlivoSandbox.Requests"/> keeps, in characters. Default 16 KiB.</summary>
    public int MaxRecordedBodyLength { get; set; } = 16 * 1024;

    /// <summary>Checks every setting; the exception names the first that is wrong.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(Port), Port, "The port must be between 0 and 65535.");
        }

        if (ListenAddress() is not { } address)
        {
            throw new ArgumentException($"Host '{Host}' is not an IP address or 'localhost'.", nameof(Host));
        }

        if (!IPAddress.IsLoopback(address) && string.IsNullOrEmpty(ControlToken))
        {
            throw new ArgumentException($"Host {Host} is not loopback: other machines could reach the control API, so set a ControlToken.", nameof(ControlToken));
        }

        if (MaxRequestBodySize < 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRequestBodySize), MaxRequestBodySize, "MaxRequestBodySize must be at least 1 KiB.");
        }

        if (MaxRecordedRequests < 0 || MaxRecordedBodyLength < 0)
        {
            throw new ArgumentOutOfRangeException(MaxRecordedRequests < 0 ? nameof(MaxRecordedRequests) : nameof(MaxRecordedBodyLength), "The request log's limits must not be negative.");
        }
    }

    /// <summary>The address <see cref="Host"/> names, or null when it names none.</summary>
    internal IPAddress? ListenAddress() =>
        string.Equals(Host, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
        : IPAddress.TryParse(Host ?? string.Empty, out var address) ? address
        : null;

    /// <summary>A copy of these options.</summary>
    public PlivoSandboxOptions Clone() => (PlivoSandboxOptions)MemberwiseClone();
}
