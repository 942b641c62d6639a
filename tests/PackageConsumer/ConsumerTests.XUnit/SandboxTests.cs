// The README's xUnit snippet ("Use the sandbox in your own tests"), verbatim between the markers.
// README-XUNIT-BEGIN
using Plivo.Generated;
using Plivo.Generated.Testing;
using Xunit;

public sealed class TollfreeTests : IDisposable
{
    private readonly PlivoSandbox _sandbox = PlivoSandbox.Start();

    [Fact]
    public async Task Adds_a_number_to_the_pool()
    {
        var seeded = _sandbox.AddPowerpack("test");
        using var api = _sandbox.CreateApi();

        var powerpack = await api.Powerpacks.GetAsync(seeded.Uuid);
        await powerpack.NumberPool.Tollfree.AddAsync("18772209942");

        Assert.Equal(new[] { "18772209942" }, _sandbox.NumbersIn(seeded.NumberPoolUuid));
    }

    public void Dispose() => _sandbox.Dispose();
}
// README-XUNIT-END
