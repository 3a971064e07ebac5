using System.Text.Json;
using Pool.Core.Mining;

namespace Pool.Settlement.Tests;

/// <summary>Closed rounds read from a JSON file, so a child settle process sees the rounds a test set (test double of IRoundStore).</summary>
internal sealed class JsonFileRoundStore(string path) : IRoundStore
{
    public static void Write(string path, IReadOnlyList<ClosedRound> rounds) => File.WriteAllText(path, JsonSerializer.Serialize(rounds));

    public async Task<IReadOnlyList<ClosedRound>> GetClosedRoundsAsync(CancellationToken cancellationToken = default)
    {
        await using var file = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<List<ClosedRound>>(file, cancellationToken: cancellationToken) ?? [];
    }
}
