using Pool.Chain.Templates;

namespace Pool.Chain.Jobs;

/// <summary>What a job keeps of its template to assemble the full block: transactions, segwit and extension block data.</summary>
public sealed class TemplateBlockSource
{
    /// <summary>Wraps <paramref name="template"/>.</summary>
    public TemplateBlockSource(BlockTemplate template)
    {
        Template = template;
    }

    /// <summary>The template the job was built from.</summary>
    public BlockTemplate Template { get; }

    /// <summary>True when the coinbase carries the witness commitment, so the block needs the coinbase's witness reserved value.</summary>
    public bool NeedsCoinbaseWitness => Template.WitnessCommitment is not null;
}
