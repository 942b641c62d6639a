using System;

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

        if (MaxRequestBodySize < 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRequestBodySize), MaxRequestBodySize, "MaxRequestBodySize must be at least 1 KiB.");
        }

        if (MaxRecordedRequests < 0 || MaxRecordedBodyLength < 0)
        {
            throw new ArgumentOutOfRangeException(MaxRecordedRequests < 0 ? nameof(MaxRecordedRequests) : nameof(MaxRecordedBodyLength), "The request log's limits must not be negative.");
        }
    }

    /// <summary>A copy of these options.</summary>
    public PlivoSandboxOptions Clone() => (PlivoSandboxOptions)MemberwiseClone();
}
