using System;
using System.Net.Http;

namespace Plivo.Generated.Benchmarks;

/// <summary>
/// The three sides every measurement compares, against one server: the hand-written baseline, our client over a
/// caller-owned HttpClient (as with IHttpClientFactory), and our client on its own pipeline (<c>new PlivoApi(id, token, options)</c>).
/// </summary>
public sealed class Sides : IDisposable
{
    public const string BaselineName = "baseline";
    public const string CallerOwnedName = "caller-owned HttpClient";
    public const string OwnPipelineName = "own pipeline";

    /// <summary>The names in the order of <see cref="Sides"/>' members; the baseline first.</summary>
    public static readonly string[] Names = { BaselineName, CallerOwnedName, OwnPipelineName };

    private readonly HttpClient _baselineHttp;
    private readonly HttpClient _callerHttp;

    public Sides(string baseUrl)
    {
        _baselineHttp = new HttpClient(new SocketsHttpHandler());
        Baseline = new BaselineClient(_baselineHttp, baseUrl, Fixtures.AuthId, Fixtures.AuthToken, Fixtures.PoolUuid);

        _callerHttp = new HttpClient(new SocketsHttpHandler());
        CallerOwned = new PlivoApi(Fixtures.AuthId, Fixtures.AuthToken, _callerHttp, Options(baseUrl));
        CallerOwnedTollfree = CallerOwned.NumberPool(Fixtures.PoolUuid).Tollfree;

        OwnPipeline = new PlivoApi(Fixtures.AuthId, Fixtures.AuthToken, Options(baseUrl));
        OwnPipelineTollfree = OwnPipeline.NumberPool(Fixtures.PoolUuid).Tollfree;
    }

    public BaselineClient Baseline { get; }

    public PlivoApi CallerOwned { get; }

    public PlivoApi OwnPipeline { get; }

    /// <summary>The pool object built once, as a caller would keep it.</summary>
    public TollfreeNumbers CallerOwnedTollfree { get; }

    public TollfreeNumbers OwnPipelineTollfree { get; }

    public static PlivoClientOptions Options(string baseUrl) => new() { BaseUrl = new Uri(baseUrl) };

    public void Dispose()
    {
        OwnPipeline.Dispose();
        CallerOwned.Dispose();
        _callerHttp.Dispose();
        _baselineHttp.Dispose();
    }
}
