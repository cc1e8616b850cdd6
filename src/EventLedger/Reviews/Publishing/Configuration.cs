using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;

namespace EventLedger.Reviews.Publishing;

public static class PublishingConfiguration
{
    public static void Configure(StoreOptions opts)
    {
        opts.Events.MapEventType<ReviewPublished>("review_published");
        opts.Events.MapEventType<PublishedFiguresRecorded>("published_figures_recorded");
        opts.Projections.Add(new ReviewRecordProjection(), ProjectionLifecycle.Inline);
    }
}

public sealed class ReviewRecordProjection : SingleStreamProjection<ReviewRecord, string>
{
    public ReviewRecordProjection()
    {
        IncludeType<ReviewPublished>();
        IncludeType<PublishedFiguresRecorded>();
    }

    public override ReviewRecord Evolve(ReviewRecord? snapshot, string id, IEvent e)
    {
        var record = snapshot ?? new ReviewRecord { Id = id };
        return (e.Data switch
        {
            ReviewPublished p => record with { Publication = p, PublicationEventId = e.Id },
            PublishedFiguresRecorded f => record with { Printed = f },
            _ => record,
        }) with { Version = e.Version };
    }
}
