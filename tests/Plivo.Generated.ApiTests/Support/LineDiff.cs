using System;
using System.Collections.Generic;
using System.Text;

namespace Plivo.Generated.ApiTests.Support;

/// <summary>A unified diff of two texts by lines (longest common subsequence), enough for API files of a few thousand lines.</summary>
public static class LineDiff
{
    public static string Unified(string before, string after, string beforeName, string afterName, int context = 3)
    {
        var a = Split(before);
        var b = Split(after);

        // lcs[i, j]: length of the longest common subsequence of a[i..] and b[j..].
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var edits = new List<(char Op, string Line, int A, int B)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                edits.Add((' ', a[x], x++, y++));
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                edits.Add(('+', b[y], x, y++));
            }
            else
            {
                edits.Add(('-', a[x], x++, y));
            }
        }

        var text = new StringBuilder($"--- {beforeName}\n+++ {afterName}\n");
        var k = 0;
        while (k < edits.Count)
        {
            if (edits[k].Op == ' ')
            {
                k++;
                continue;
            }
            // A hunk: this change and every change within 2 * context lines of the previous one, with context around.
            var start = Math.Max(0, k - context);
            var end = k;
            var lastChange = k;
            while (end < edits.Count && (edits[end].Op != ' ' || end - lastChange <= 2 * context))
            {
                if (edits[end].Op != ' ')
                {
                    lastChange = end;
                }
                end++;
            }
            end = Math.Min(edits.Count, lastChange + context + 1);

            int removed = 0, added = 0;
            for (var i = start; i < end; i++)
            {
                removed += edits[i].Op != '+' ? 1 : 0;
                added += edits[i].Op != '-' ? 1 : 0;
            }
            // As in diff -u: a range of no lines is numbered by the line before it.
            var fromA = edits[start].A + (removed == 0 ? 0 : 1);
            var fromB = edits[start].B + (added == 0 ? 0 : 1);
            text.Append($"@@ -{fromA},{removed} +{fromB},{added} @@\n");
            for (var i = start; i < end; i++)
            {
                text.Append(edits[i].Op).Append(edits[i].Line).Append('\n');
            }
            k = end;
        }
        return text.ToString();
    }

    private static string[] Split(string text) =>
        text.Length == 0 ? Array.Empty<string>() : text.TrimEnd('\n').Split('\n');
}
