using Pool.Chain.Templates;
using Pool.Core.Merkle;
using Pool.Core.Pow;
using Pool.Core.Targets;

namespace Pool.Chain.Jobs;

/// <summary>Turns block templates into mining jobs: coinbase halves, merkle branch, targets.</summary>
public sealed class JobFactory
{
    private readonly CoinbaseBuilder _coinbase;
    private readonly PowAlgorithm _pow;

    /// <summary>Creates a factory for one coin's proof of work and one coinbase layout.</summary>
    public JobFactory(CoinbaseBuilder coinbase, PowAlgorithm pow)
    {
        _coinbase = coinbase;
        _pow = pow;
    }

    /// <summary>Total extranonce bytes (extranonce1 + extranonce2) the jobs expect.</summary>
    public int ExtranonceSize => _coinbase.ExtranonceSize;

    /// <summary>Builds the job <paramref name="jobId"/> from <paramref name="template"/>.</summary>
    public MiningJob Create(string jobId, BlockTemplate template, bool cleanJobs)
    {
        ArgumentNullException.ThrowIfNull(template);
        var (coinbase1, coinbase2) = _coinbase.Build(template);
        var branch = MerkleTree.CoinbaseBranch(template.Transactions.Select(t => t.TransactionId).ToList());
        return new MiningJob(
            jobId,
            template.Height,
            template.PreviousBlockHashBytes,
            template.Version,
            template.Bits,
            template.CurrentTime,
            coinbase1,
            coinbase2,
            branch,
            cleanJobs,
            template.CoinbaseValue,
            CompactTarget.ToTarget(template.Bits),
            _pow.DifficultyOne.DifficultyOfBits(template.Bits),
            new TemplateBlockSource(template));
    }
}
