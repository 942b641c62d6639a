using System;

namespace Plivo.Generated;

/// <summary>
/// A Powerpack's number pool: <c>powerpack.NumberPool</c>, or <c>api.NumberPool(uuid)</c> without fetching the Powerpack.
/// </summary>
public sealed class NumberPool
{
    internal NumberPool(PlivoApi api, Guid uuid)
    {
        Uuid = uuid.ToString("D");
        Numbers = new PoolNumbers(api, uuid);
        Shortcodes = new Shortcodes(api, uuid);
        Tollfree = new TollfreeNumbers(api, uuid);
    }

    /// <summary>The pool's numbers (long codes): <c>pool.Numbers.ListAsync()</c>, <c>ListAllAsync</c>, <c>CountAsync</c>, <c>FindAsync</c>, <c>AddAsync</c>, <c>BuyAndAddAsync</c>, <c>RemoveAsync</c>.</summary>
    public PoolNumbers Numbers { get; }

    /// <summary>The pool's shortcodes: <c>pool.Shortcodes.ListAsync()</c>, <c>ListAllAsync</c>, <c>FindAsync</c>, <c>RemoveAsync</c>.</summary>
    public Shortcodes Shortcodes { get; }

    /// <summary>The pool's uuid.</summary>
    public string Uuid { get; }

    /// <summary>The pool's toll-free numbers: <c>pool.Tollfree.AddAsync(n)</c>, <c>FindAsync</c>, <c>ListAsync</c>, <c>ListAllAsync</c>, <c>RemoveAsync</c>.</summary>
    public TollfreeNumbers Tollfree { get; }

    /// <summary>Shows the pool's uuid.</summary>
    public override string ToString() => $"NumberPool(Uuid={Uuid})";
}
