using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace Plivo.Generated.Benchmarks;

/// <summary>
/// One call as each of the three sides makes it (in the order of <see cref="Sides.Names"/>), and a check of each side's
/// answer, run once before measuring (the measured calls are the bare calls, with nothing wrapped around them).
/// </summary>
public sealed record Scenario(string Name, string Title, IReadOnlyList<Func<Task>> Calls, IReadOnlyList<Func<Task<bool>>> Checks)
{
    public const string Add = "add";
    public const string Get = "get";
    public const string List = "list";
    public const string PowerpackList = "powerpack-list";
    public const string NumberList = "number-list";

    public static IReadOnlyList<Scenario> All(Sides sides) => new[]
    {
        new Scenario(Add, "add (POST .../Tollfree/{number}/)",
            new Func<Task>[]
            {
                () => sides.Baseline.AddAsync(Fixtures.Number),
                () => sides.CallerOwnedTollfree.AddAsync(Fixtures.Number),
                () => sides.OwnPipelineTollfree.AddAsync(Fixtures.Number),
            },
            new Func<Task<bool>>[]
            {
                async () => (await sides.Baseline.AddAsync(Fixtures.Number).ConfigureAwait(false)).Number == Fixtures.Number,
                async () => (await sides.CallerOwnedTollfree.AddAsync(Fixtures.Number).ConfigureAwait(false)).Number == Fixtures.Number,
                async () => (await sides.OwnPipelineTollfree.AddAsync(Fixtures.Number).ConfigureAwait(false)).Number == Fixtures.Number,
            }),
        new Scenario(Get, "get (GET .../Powerpack/{uuid}/)",
            new Func<Task>[]
            {
                () => sides.Baseline.GetPowerpackAsync(Fixtures.PowerpackUuid),
                () => sides.CallerOwned.Powerpacks.GetAsync(Fixtures.PowerpackUuid),
                () => sides.OwnPipeline.Powerpacks.GetAsync(Fixtures.PowerpackUuid),
            },
            new Func<Task<bool>>[]
            {
                async () => (await sides.Baseline.GetPowerpackAsync(Fixtures.PowerpackUuid).ConfigureAwait(false)).Name == Fixtures.PowerpackName,
                async () => (await sides.CallerOwned.Powerpacks.GetAsync(Fixtures.PowerpackUuid).ConfigureAwait(false)).Name == Fixtures.PowerpackName,
                async () => (await sides.OwnPipeline.Powerpacks.GetAsync(Fixtures.PowerpackUuid).ConfigureAwait(false)).Name == Fixtures.PowerpackName,
            }),
        new Scenario(List, "list of 20 (GET .../Tollfree/?limit=20&offset=0)",
            new Func<Task>[]
            {
                () => sides.Baseline.ListAsync(),
                () => sides.CallerOwnedTollfree.ListAsync(Fixtures.PageSize, 0),
                () => sides.OwnPipelineTollfree.ListAsync(Fixtures.PageSize, 0),
            },
            new Func<Task<bool>>[]
            {
                async () => (await sides.Baseline.ListAsync().ConfigureAwait(false)).Objects?.Count == Fixtures.PageSize,
                async () => (await sides.CallerOwnedTollfree.ListAsync(Fixtures.PageSize, 0).ConfigureAwait(false)).Objects?.Count == Fixtures.PageSize,
                async () => (await sides.OwnPipelineTollfree.ListAsync(Fixtures.PageSize, 0).ConfigureAwait(false)).Objects?.Count == Fixtures.PageSize,
            }),
        new Scenario(PowerpackList, "list of 20 Powerpacks (GET .../Powerpack/?limit=20&offset=0)",
            new Func<Task>[]
            {
                () => sides.Baseline.ListPowerpacksAsync(),
                () => sides.CallerOwned.Powerpacks.ListAsync(Fixtures.PageSize, 0),
                () => sides.OwnPipeline.Powerpacks.ListAsync(Fixtures.PageSize, 0),
            },
            new Func<Task<bool>>[]
            {
                async () => (await sides.Baseline.ListPowerpacksAsync().ConfigureAwait(false)).Objects?.Count == Fixtures.PageSize,
                async () => (await sides.CallerOwned.Powerpacks.ListAsync(Fixtures.PageSize, 0).ConfigureAwait(false)).Objects?.Count == Fixtures.PageSize,
                async () => (await sides.OwnPipeline.Powerpacks.ListAsync(Fixtures.PageSize, 0).ConfigureAwait(false)).Objects?.Count == Fixtures.PageSize,
            }),
        new Scenario(NumberList, "numbers page of 20 (GET .../NumberPool/{uuid}/Number/?limit=20&offset=0)",
            new Func<Task>[]
            {
                () => sides.Baseline.ListNumbersAsync(),
                () => sides.CallerOwned.NumberPool(Fixtures.PoolUuid).Numbers.ListAsync(limit: Fixtures.PageSize, offset: 0),
                () => sides.OwnPipeline.NumberPool(Fixtures.PoolUuid).Numbers.ListAsync(limit: Fixtures.PageSize, offset: 0),
            },
            new Func<Task<bool>>[]
            {
                async () => (await sides.Baseline.ListNumbersAsync().ConfigureAwait(false)).Objects?.Count == Fixtures.PageSize,
                async () => (await sides.CallerOwned.NumberPool(Fixtures.PoolUuid).Numbers.ListAsync(limit: Fixtures.PageSize, offset: 0).ConfigureAwait(false)).Objects?.Count == Fixtures.PageSize,
                async () => (await sides.OwnPipeline.NumberPool(Fixtures.PoolUuid).Numbers.ListAsync(limit: Fixtures.PageSize, offset: 0).ConfigureAwait(false)).Objects?.Count == Fixtures.PageSize,
            }),
    };

    /// <summary>Throws unless every side's answer is the expected one.</summary>
    public async Task CheckAsync()
    {
        for (var side = 0; side < Checks.Count; side++)
        {
            if (!await Checks[side]().ConfigureAwait(false))
            {
                throw new InvalidOperationException($"{Name}: unexpected answer on the {Sides.Names[side]} side");
            }
        }
    }
}
