using System;
using System.Collections.Generic;

namespace Plivo.Generated.Testing;

/// <summary>A request the <see cref="PlivoSandbox"/> received, as it arrived.</summary>
public sealed class SandboxRequest
{
    internal SandboxRequest(string method, string path, string query, IReadOnlyDictionary<string, string> headers, string? body, string? operationId = null, int statusCode = 0, DateTimeOffset? receivedAt = null)
    {
        ReceivedAt = receivedAt ?? DateTimeOffset.UtcNow;
        Method = method;
        Path = path;
        Query = query;
        Headers = headers;
        Body = body;
        OperationId = operationId;
        StatusCode = statusCode;
    }

    /// <summary>When the request arrived (UTC).</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>The spec's operationId the request matched (<c>Tollfree_Add</c>), or null when it matched none or was refused before routing (401).</summary>
    public string? OperationId { get; }

    /// <summary>The status the sandbox answered with.</summary>
    public int StatusCode { get; }

    /// <summary>The HTTP method, upper case.</summary>
    public string Method { get; }

    /// <summary>The path as sent (percent-encoding kept), such as <c>/v1/Account/MA.../NumberPool/.../Tollfree/18772209942/</c>.</summary>
    public string Path { get; }

    /// <summary>The query string with its leading "?", or empty.</summary>
    public string Query { get; }

    /// <summary>The request headers (names case-insensitive; repeated values joined with ", ").</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The body as text, or null when there was none.</summary>
    public string? Body { get; }

    /// <summary>Shows the method, path and query.</summary>
    public override string ToString() => $"{Method} {Path}{Query}";
}
