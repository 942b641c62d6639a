using System;
using System.Collections.Generic;

namespace Plivo.Generated;

/// <summary>What Plivo answered to one call, beyond the model: <c>var answer = await api.WithResponseAsync(a =&gt; a.Powerpacks.GetAsync(uuid))</c>.</summary>
public sealed class PlivoResponseInfo
{
    internal PlivoResponseInfo(string? operationId, string method, int statusCode, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, string? apiId, int attempts, TimeSpan elapsed)
    {
        OperationId = operationId;
        Method = method;
        StatusCode = statusCode;
        Headers = headers;
        ApiId = apiId;
        Attempts = attempts;
        Elapsed = elapsed;
    }

    /// <summary>The spec's operationId of the call (<c>Tollfree_Add</c>), or null when the request matched none.</summary>
    public string? OperationId { get; }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The status of the last attempt's answer; 0 when none came.</summary>
    public int StatusCode { get; }

    /// <summary>The last answer's headers (response and content headers), names case-insensitive.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>Plivo's <c>api_id</c> of the answer, when it has one.</summary>
    public string? ApiId { get; }

    /// <summary>How many attempts the call took (1 without retries).</summary>
    public int Attempts { get; }

    /// <summary>How long the call took, retries included.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Shows the operation, status, api_id and attempts.</summary>
    public override string ToString() => $"PlivoResponseInfo({OperationId ?? Method}: {StatusCode}, api_id={ApiId}, attempts={Attempts}, {Elapsed.TotalMilliseconds:0} ms)";
}

/// <summary>A call's typed result with what Plivo answered (<see cref="PlivoApi.WithResponseAsync{T}"/>).</summary>
/// <typeparam name="T">The result's type.</typeparam>
public sealed class PlivoResponse<T>
{
    internal PlivoResponse(T value, IReadOnlyList<PlivoResponseInfo> calls)
    {
        Value = value;
        Calls = calls;
    }

    /// <summary>The result.</summary>
    public T Value { get; }

    /// <summary>The answer to the last Plivo call made for the result (the last page of a <c>ListAll</c>, say).</summary>
    /// <exception cref="InvalidOperationException">No Plivo call was made.</exception>
    public PlivoResponseInfo Response => Calls.Count > 0 ? Calls[Calls.Count - 1] : throw new InvalidOperationException("No Plivo call was made for this result.");

    /// <summary>Every Plivo call made for the result, in order.</summary>
    public IReadOnlyList<PlivoResponseInfo> Calls { get; }

    /// <summary>The status of <see cref="Response"/>.</summary>
    public int StatusCode => Response.StatusCode;

    /// <summary>The <c>api_id</c> of <see cref="Response"/>.</summary>
    public string? ApiId => Response.ApiId;
}
