using MediaVault.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediaVault.Infrastructure.Persistence.Configurations;

/// <summary>
/// The <c>jobs</c> table. Column names are snake_case and need no quoting, so the claim statement in
/// <see cref="JobStore"/> is the same text on both databases.
/// </summary>
internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> builder)
    {
        builder.ToTable("jobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(j => j.Kind).HasColumnName("kind").HasMaxLength(Job.KindMaxLength).IsRequired();
        builder.Property(j => j.Payload).HasColumnName("payload").IsRequired();
        builder.Property(j => j.DedupeKey).HasColumnName("dedupe_key").HasMaxLength(Job.DedupeKeyMaxLength);
        builder.Property(j => j.State).HasColumnName("state").HasMaxLength(JobStates.MaxLength).IsRequired();
        builder.Property(j => j.Attempts).HasColumnName("attempts");
        builder.Property(j => j.RunAfter).HasColumnName("run_after");
        builder.Property(j => j.LeaseUntil).HasColumnName("lease_until");
        builder.Property(j => j.LockedBy).HasColumnName("locked_by").HasMaxLength(Job.LockedByMaxLength);
        builder.Property(j => j.LastError).HasColumnName("last_error").HasMaxLength(Job.LastErrorMaxLength);
        builder.Property(j => j.CreatedAt).HasColumnName("created_at");
        builder.Property(j => j.UpdatedAt).HasColumnName("updated_at");

        // The claim: waiting jobs of a kind that are due, oldest first; running jobs of a kind whose lease passed.
        builder.HasIndex(j => new { j.Kind, j.State, j.RunAfter }).HasDatabaseName("ix_jobs_claim");
        builder.HasIndex(j => new { j.Kind, j.DedupeKey }).HasDatabaseName("ix_jobs_dedupe");
        // Cleanup of succeeded rows.
        builder.HasIndex(j => new { j.State, j.UpdatedAt }).HasDatabaseName("ix_jobs_state_updated");
    }
}
