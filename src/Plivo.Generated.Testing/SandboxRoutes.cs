using System;
using System.Collections.Generic;

namespace Plivo.Generated.Testing;

/// <summary>
/// The sandbox's routes: one per operation of the spec, by operationId. The method and path of each come from the
/// spec itself (<see cref="SandboxSpec"/>); a new operation needs one line here and its handler.
/// </summary>
internal static class SandboxRoutes
{
    public static readonly IReadOnlyDictionary<string, Func<SandboxCall, SandboxAnswer>> Handlers = new Dictionary<string, Func<SandboxCall, SandboxAnswer>>(StringComparer.Ordinal)
    {
        ["Powerpack_Get"] = PowerpackRoutes.Get,
        ["Tollfree_List"] = TollfreeRoutes.List,
        ["Tollfree_Add"] = TollfreeRoutes.Add,
        ["Tollfree_Find"] = TollfreeRoutes.Find,
        ["Tollfree_Remove"] = TollfreeRoutes.Remove,
    };
}
