using System.Globalization;
using Pool.Settlement.Settlement;

namespace Pool.Settlement.Commands;

/// <summary>Writes a run's report for people: what was settled, transaction hashes, totals, and in a dry run who gets what and why.</summary>
public static class SettlementReportWriter
{
    public static void Write(SettlementReport report, bool dryRun, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        foreach (var warning in report.Warnings)
        {
            output.WriteLine($"warning: {warning}");
        }

        foreach (var round in report.OrphanedRounds)
        {
            output.WriteLine($"round {round}: orphaned, pays nothing");
        }

        if (report.ImmatureRounds > 0)
        {
            output.WriteLine(string.Create(c, $"{report.ImmatureRounds} round(s) not yet mature"));
        }

        // A real run already printed each plan and each mined transaction as it happened; the summary adds the rest.
        foreach (var plan in dryRun ? report.Plans : [])
        {
            var p = plan.Plan;
            output.WriteLine(string.Create(c,
                $"would settle round {plan.RoundId}: block {plan.CoinHeight} {plan.CoinBlockHash}, reward {p.Split.Reward}, {plan.Scheme.ToString().ToUpperInvariant()}, fee {plan.FeeBasisPoints} bps = {p.Split.PoolFee} + rounding remainder {p.Split.Remainder} to {p.FeeAddress}; {p.TotalMinted} units to {p.Transfers.Count} addresses in {plan.ChunkIds.Count} transaction(s)"));
            foreach (var line in p.Lines)
            {
                output.WriteLine(string.Create(c,
                    $"  {line.Miner} → {line.TokenAddress ?? "(no token address)"}: carried {line.CarriedBefore} + block {line.BlockReward} → paid {line.Paid}, carried after {line.CarriedAfter} ({line.Reason})"));
            }
        }

        foreach (var chunk in report.Finalized)
        {
            output.WriteLine($"final: settlement {chunk.Id} (round {chunk.RoundId}) tx {chunk.MinedTransactionHash ?? "(found settled on chain)"}");
        }

        foreach (var chunk in report.Open)
        {
            var last = chunk.Attempts.Count > 0 ? chunk.Attempts[^1].Hash : "none";
            output.WriteLine($"open: settlement {chunk.Id} (round {chunk.RoundId}) is {chunk.State.ToString().ToLowerInvariant()}, last tx {last}{(chunk.LastError is null ? string.Empty : "; " + chunk.LastError)}");
        }

        var minted = report.Mined.Sum(m => m.Total);
        output.WriteLine(string.Create(c,
            $"{(dryRun ? "dry run" : report.Outcome.ToString().ToLowerInvariant())}: {report.Plans.Count} round(s) planned, {report.Mined.Count} transaction(s) mined minting {minted} units, {report.Open.Count} settlement(s) open"));
    }
}
