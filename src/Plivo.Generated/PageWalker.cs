using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Plivo.Generated;

/// <summary>
/// Walks a Plivo list page by page (limit/offset) for the <c>ListAllAsync</c> calls, and makes sure the walk ends: it
/// stops at an empty page, a page whose <c>meta.next</c> is empty, or <c>meta.total_count</c>; it fails with a
/// <see cref="PlivoRestException"/> on a page that adds nothing new (a server that ignores <c>offset</c>), a page for
/// another offset than asked, or after <see cref="MaxPages"/> pages. An item seen on an earlier page (the list moved
/// while it was walked) is not yielded twice.
/// </summary>
internal static class PageWalker
{
    /// <summary>The most pages one walk fetches: 200,000 items at Plivo's largest page.</summary>
    public const int MaxPages = 10_000;

    public static async IAsyncEnumerable<TItem> WalkAsync<TPage, TItem>(
        Func<int, CancellationToken, Task<TPage>> page,
        Func<TPage, (IList<TItem>? Items, ListMeta? Meta)> read,
        Func<TItem?, string?> key,
        string what,
        PlivoCredentials credentials,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var offset = 0;
        for (var pages = 1; ; pages++)
        {
            if (pages > MaxPages)
            {
                throw Stopped(credentials, $"{what}: ListAllAsync stopped after {MaxPages:N0} pages ({seen.Count:N0} items), the most one walk fetches.");
            }

            var (items, meta) = read(await page(offset, cancellationToken).ConfigureAwait(false));
            // From here on a failure is about answers that did arrive (200s whose pages do not add up).
            if (meta?.Offset is { } answered && answered != offset)
            {
                throw Stopped(credentials, $"{what}: ListAllAsync asked for offset {offset} and got the page at offset {answered}.");
            }

            var count = items?.Count ?? 0;
            var fresh = 0;
            for (var i = 0; i < count; i++)
            {
                var item = items![i];
                if (key(item) is not { } id || seen.Add(id))
                {
                    fresh++;
                    yield return item;
                }
            }

            if (count > 0 && fresh == 0)
            {
                throw Stopped(credentials, $"{what}: ListAllAsync stopped at offset {offset}: the page held only items already seen ({seen.Count:N0}), so the server is not paging.");
            }

            offset += count;
            if (string.IsNullOrEmpty(meta?.Next) || count == 0 || offset >= meta?.TotalCount)
            {
                yield break;
            }
        }
    }

    private static PlivoRestException Stopped(PlivoCredentials credentials, string message) =>
        new(message, 200, null, null, null, credentials, earlierAttemptMayHaveSucceeded: false);
}
