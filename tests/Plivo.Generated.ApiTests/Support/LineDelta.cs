using System;
using System.Collections.Generic;

namespace Plivo.Generated.ApiTests.Support;

/// <summary>The lines one text adds to and removes from another (a longest-common-subsequence diff, small texts only).</summary>
public static class LineDelta
{
    public static (List<string> Added, List<string> Removed) Between(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var common = new int[before.Count + 1, after.Count + 1];
        for (var i = before.Count - 1; i >= 0; i--)
        {
            for (var j = after.Count - 1; j >= 0; j--)
            {
                common[i, j] = before[i] == after[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var added = new List<string>();
        var removed = new List<string>();
        int b = 0, a = 0;
        while (b < before.Count && a < after.Count)
        {
            if (before[b] == after[a])
            {
                b++;
                a++;
            }
            else if (common[b + 1, a] >= common[b, a + 1])
            {
                removed.Add(before[b++]);
            }
            else
            {
                added.Add(after[a++]);
            }
        }

        for (; b < before.Count; b++)
        {
            removed.Add(before[b]);
        }

        for (; a < after.Count; a++)
        {
            added.Add(after[a]);
        }

        return (added, removed);
    }
}
