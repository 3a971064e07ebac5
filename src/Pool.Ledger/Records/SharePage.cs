namespace Pool.Ledger.Records;

/// <summary>
/// A page of the share stream: one stream entry per batch written, field <c>n</c> = number of shares and field <c>s</c> = their
/// <see cref="ShareRecord"/> texts in order, joined by a line feed (which no record contains).
/// </summary>
public static class SharePage
{
    /// <summary>Separator between records in a page.</summary>
    public const char Separator = '\n';

    /// <summary>Stream field holding the records.</summary>
    public const string RecordsField = "s";

    /// <summary>Stream field holding the number of records.</summary>
    public const string CountField = "n";

    /// <summary>The records of a page, oldest first, as ranges into <paramref name="page"/>.</summary>
    public static List<Range> Split(ReadOnlySpan<byte> page)
    {
        var ranges = new List<Range>();
        var start = 0;
        while (start <= page.Length)
        {
            var next = page[start..].IndexOf((byte)Separator);
            var end = next < 0 ? page.Length : start + next;
            if (end > start)
            {
                ranges.Add(new Range(start, end));
            }

            start = end + 1;
        }

        return ranges;
    }
}
