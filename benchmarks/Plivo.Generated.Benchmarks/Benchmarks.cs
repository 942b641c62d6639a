using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace Plivo.Generated.Benchmarks;

// BenchmarkDotNet classes for profiling one scenario (--bdn --filter *AddLoopback* --profiler EP); the report's figures
// come from Interleaved, Throughput and ColdStart. Here the stub server runs inside BDN's benchmark process: its frames
// (RawStubServer's, and the sockets' under them) show in a profile next to the client's.

/// <summary>The three sides against a <see cref="RawStubServer"/> started before and stopped after the benchmarks.</summary>
public abstract class LoopbackBenchmark
{
    private RawStubServer _server = null!;

    protected Sides Sides { get; private set; } = null!;

    [GlobalSetup]
    public void Setup()
    {
        _server = RawStubServer.Start();
        Sides = new Sides(_server.BaseUrl);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Sides.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}

[MemoryDiagnoser]
public class AddLoopback : LoopbackBenchmark
{
    [Benchmark(Baseline = true)]
    public Task<TollfreePoco> HandWritten() => Sides.Baseline.AddAsync(Fixtures.Number);

    [Benchmark]
    public Task<TollfreeNumber> CallerOwnedHttpClient() => Sides.CallerOwnedTollfree.AddAsync(Fixtures.Number);

    [Benchmark]
    public Task<TollfreeNumber> OwnPipeline() => Sides.OwnPipelineTollfree.AddAsync(Fixtures.Number);
}

[MemoryDiagnoser]
public class GetLoopback : LoopbackBenchmark
{
    [Benchmark(Baseline = true)]
    public Task<PowerpackPoco> HandWritten() => Sides.Baseline.GetPowerpackAsync(Fixtures.PowerpackUuid);

    [Benchmark]
    public Task<Powerpack> CallerOwnedHttpClient() => Sides.CallerOwned.Powerpacks.GetAsync(Fixtures.PowerpackUuid);

    [Benchmark]
    public Task<Powerpack> OwnPipeline() => Sides.OwnPipeline.Powerpacks.GetAsync(Fixtures.PowerpackUuid);
}

[MemoryDiagnoser]
public class ListLoopback : LoopbackBenchmark
{
    [Benchmark(Baseline = true)]
    public Task<TollfreeListPoco> HandWritten() => Sides.Baseline.ListAsync();

    [Benchmark]
    public Task<TollfreeNumberList> CallerOwnedHttpClient() => Sides.CallerOwnedTollfree.ListAsync(Fixtures.PageSize, 0);

    [Benchmark]
    public Task<TollfreeNumberList> OwnPipeline() => Sides.OwnPipelineTollfree.ListAsync(Fixtures.PageSize, 0);
}
