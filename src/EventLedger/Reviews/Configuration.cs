using JasperFx.Events.Projections;
using Marten;

namespace EventLedger.Reviews;

public static class ReviewsConfiguration
{
    public static void Configure(StoreOptions opts)
    {
        opts.Projections.Add(new ReviewLineProjection(), ProjectionLifecycle.Async);
        opts.Schema.For<ReviewLine>().Index(x => x.Programme);
        Publishing.PublishingConfiguration.Configure(opts);
    }
}
