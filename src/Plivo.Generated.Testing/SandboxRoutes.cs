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
        ["Powerpack_List"] = PowerpackRoutes.List,
        ["Powerpack_Create"] = PowerpackRoutes.Create,
        ["Powerpack_Get"] = PowerpackRoutes.Get,
        ["Powerpack_Update"] = PowerpackRoutes.Update,
        ["Powerpack_Delete"] = PowerpackRoutes.Delete,
        ["Number_List"] = NumberRoutes.List,
        ["Number_Find"] = NumberRoutes.Find,
        ["Number_Add"] = NumberRoutes.Add,
        ["Number_Remove"] = NumberRoutes.Remove,
        ["Shortcode_List"] = ShortcodeRoutes.List,
        ["Shortcode_Find"] = ShortcodeRoutes.Find,
        ["Shortcode_Remove"] = ShortcodeRoutes.Remove,
        ["PhoneNumber_Search"] = PhoneNumberRoutes.Search,
        ["Tollfree_List"] = TollfreeRoutes.List,
        ["Tollfree_Add"] = TollfreeRoutes.Add,
        ["Tollfree_Find"] = TollfreeRoutes.Find,
        ["Tollfree_Remove"] = TollfreeRoutes.Remove,
    };
}
