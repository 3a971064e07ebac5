namespace Pool.Ledger.Records;

/// <summary>The aggregated fields of a share record; miner and worker are ranges into the record's bytes.</summary>
/// <param name="Miner">Range of the payout address.</param>
/// <param name="Worker">Range of the worker name.</param>
/// <param name="Difficulty">Credited difficulty.</param>
/// <param name="Height">Block height of the share's job.</param>
/// <param name="TimeUnixMs">Acceptance time in Unix milliseconds.</param>
public readonly record struct ShareFields(Range Miner, Range Worker, double Difficulty, long Height, long TimeUnixMs);
