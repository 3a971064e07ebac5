namespace Pool.Ledger.Records;

/// <summary>Checks that a text field can go into a separator-delimited ledger record.</summary>
internal static class RecordText
{
    public static void CheckField(string? value, string what, bool allowEmpty)
    {
        if (value is null || (!allowEmpty && value.Length == 0))
        {
            throw new ArgumentException($"{what} is missing");
        }

        foreach (var c in value)
        {
            if (c == ShareRecord.Separator || char.IsControl(c))
            {
                throw new ArgumentException($"{what} '{value}' contains '{ShareRecord.Separator}' or a control character, which the ledger cannot record");
            }
        }
    }
}
