using System;
using System.Net.Http;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace Plivo.Generated.Benchmarks;

/// <summary>Builds both sides over one transport: the baseline, our client over a caller-owned HttpClient, and our own pipeline.</summary>
public abstract class ClientVsBaseline
{
    protected BaselineClient Baseline { get; private set; } = null!;
    protected TollfreeNumbers CallerOwned { get; private set; } = null!;
    protected TollfreeNumbers OwnPipeline { get; private set; } = null!;

    private HttpClient _baselineHttp = null!;
    private HttpClient _callerHttp = null!;
    private PlivoApi _callerOwnedApi = null!;
    private PlivoApi _ownPipelineApi = null!;

    protected void Build(string baseUrl, Func<HttpMessageHandler> transport, Func<PlivoClientOptions, PlivoApi> ownPipeline)
    {
        _baselineHttp = new HttpClient(transport());
        Baseline = new BaselineClient(_baselineHttp, baseUrl, Fixtures.AuthId, Fixtures.AuthToken, Fixtures.PoolUuid);

        _callerHttp = new HttpClient(transport());
        _callerOwnedApi = new PlivoApi(Fixtures.AuthId, Fixtures.AuthToken, _callerHttp, Options(baseUrl));
        CallerOwned = _callerOwnedApi.NumberPool(Fixtures.PoolUuid).Tollfree;

        _ownPipelineApi = ownPipeline(Options(baseUrl));
        OwnPipeline = _ownPipelineApi.NumberPool(Fixtures.PoolUuid).Tollfree;
    }

    protected static PlivoClientOptions Options(string baseUrl) => new() { BaseUrl = new Uri(baseUrl) };

    protected void TearDown()
    {
        _ownPipelineApi.Dispose();
        _callerOwnedApi.Dispose();
        _callerHttp.Dispose();
        _baselineHttp.Dispose();
    }
}

/// <summary>Both sides over <see cref="InMemoryPlivoHandler"/>: nothing leaves the process.</summary>
public abstract class InMemoryClientVsBaseline : ClientVsBaseline
{
    // Not a real host: nothing leaves the process. https, as against Plivo.
    private const string BaseUrl = "https://api.plivo.com/v1/";

    [GlobalSetup]
    public void Setup() => Build(BaseUrl, () => new InMemoryPlivoHandler(),
        options => new PlivoApi(new PlivoCredentials(Fixtures.AuthId, Fixtures.AuthToken), options, new InMemoryPlivoHandler()));

    [GlobalCleanup]
    public void Cleanup() => TearDown();
}

/// <summary>(a) The add over an in-memory handler: no network, pure client cost.</summary>
[MemoryDiagnoser]
public class AddInMemory : InMemoryClientVsBaseline
{
    [Benchmark(Baseline = true)]
    public Task<TollfreePoco> HandWritten() => Baseline.AddAsync(Fixtures.Number);

    [Benchmark]
    public Task<TollfreeNumber> ClientCallerOwnedHttpClient() => CallerOwned.AddAsync(Fixtures.Number);

    [Benchmark]
    public Task<TollfreeNumber> ClientOwnPipeline() => OwnPipeline.AddAsync(Fixtures.Number);
}

/// <summary>Both sides against one Kestrel stub on 127.0.0.1, started before and stopped after the benchmarks.</summary>
public abstract class LoopbackClientVsBaseline : ClientVsBaseline
{
    private StubServer _server = null!;

    [GlobalSetup]
    public void Setup()
    {
        _server = StubServer.StartAsync().GetAwaiter().GetResult();
        Build(_server.BaseUrl, () => new SocketsHttpHandler(), options => new PlivoApi(Fixtures.AuthId, Fixtures.AuthToken, options));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        TearDown();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}

/// <summary>(b) The add over loopback against the Kestrel stub.</summary>
[MemoryDiagnoser]
public class AddLoopback : LoopbackClientVsBaseline
{
    [Benchmark(Baseline = true)]
    public Task<TollfreePoco> HandWritten() => Baseline.AddAsync(Fixtures.Number);

    [Benchmark]
    public Task<TollfreeNumber> ClientCallerOwnedHttpClient() => CallerOwned.AddAsync(Fixtures.Number);

    [Benchmark]
    public Task<TollfreeNumber> ClientOwnPipeline() => OwnPipeline.AddAsync(Fixtures.Number);
}

/// <summary>(c) One page of 20 numbers over loopback (deserialization-heavy).</summary>
[MemoryDiagnoser]
public class ListLoopback : LoopbackClientVsBaseline
{
    [Benchmark(Baseline = true)]
    public Task<TollfreeListPoco> HandWritten() => Baseline.ListAsync();

    [Benchmark]
    public Task<TollfreeNumberList> ClientCallerOwnedHttpClient() => CallerOwned.ListAsync(limit: 20, offset: 0);

    [Benchmark]
    public Task<TollfreeNumberList> ClientOwnPipeline() => OwnPipeline.ListAsync(limit: 20, offset: 0);
}

/// <summary>(c') The same page over the in-memory handler: the deserialization cost without the network.</summary>
[MemoryDiagnoser]
public class ListInMemory : InMemoryClientVsBaseline
{
    [Benchmark(Baseline = true)]
    public Task<TollfreeListPoco> HandWritten() => Baseline.ListAsync();

    [Benchmark]
    public Task<TollfreeNumberList> ClientCallerOwnedHttpClient() => CallerOwned.ListAsync(limit: 20, offset: 0);

    [Benchmark]
    public Task<TollfreeNumberList> ClientOwnPipeline() => OwnPipeline.ListAsync(limit: 20, offset: 0);
}
