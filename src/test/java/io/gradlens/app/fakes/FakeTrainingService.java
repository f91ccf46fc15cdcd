package io.gradlens.app.fakes;

import io.gradlens.util.CancellationToken;

import io.gradlens.app.service.BatchMetrics;
import io.gradlens.app.service.EpochMetrics;
import io.gradlens.app.service.TrainingConfig;
import io.gradlens.app.service.TrainingListener;
import io.gradlens.app.service.TrainingResult;
import io.gradlens.app.service.TrainingService;
import io.gradlens.app.service.WorkspaceEntry;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test double: {@link #BATCHES} batches per epoch with a loss of 1/(step+1), optional sleep per
 * batch; observes cancellation once per batch.
 */
public final class FakeTrainingService implements TrainingService {

  /** Batches per epoch. */
  public static final int BATCHES = 10;

  private final long batchDelayMillis;
  private final AtomicBoolean cancelObserved = new AtomicBoolean();
  private final AtomicInteger batchesRun = new AtomicInteger();
  private final CountDownLatch started = new CountDownLatch(1);
  private final CountDownLatch ended = new CountDownLatch(1);
  private final FakeWorkspaceService workspace;

  /**
   * @param batchDelayMillis sleep per batch
   * @param workspace receives the trained model (may be null)
   */
  public FakeTrainingService(long batchDelayMillis, FakeWorkspaceService workspace) {
    this.batchDelayMillis = batchDelayMillis;
    this.workspace = workspace;
  }

  /** @return whether a run stopped because of cancellation */
  public boolean cancelObserved() {
    return cancelObserved.get();
  }

  /** @return batches run so far */
  public int batchesRun() {
    return batchesRun.get();
  }

  /** @return latch released when training starts */
  public CountDownLatch started() {
    return started;
  }

  /** @return latch released when training ends in any way */
  public CountDownLatch ended() {
    return ended;
  }

  @Override
  public TrainingResult train(TrainingConfig config, TrainingListener listener,
      CancellationToken cancel) throws Exception {
    started.countDown();
    try {
      EpochMetrics last = null;
      int step = 0;
      for (int epoch = 1; epoch <= config.settings().epochs(); epoch++) {
        for (int b = 0; b < BATCHES; b++) {
          if (cancel.isCancelled()) {
            cancelObserved.set(true);
            throw new CancellationToken.CancelledException();
          }
          if (batchDelayMillis > 0) {
            Thread.sleep(batchDelayMillis);
          }
          step++;
          batchesRun.incrementAndGet();
          listener.onBatch(new BatchMetrics(epoch, b, BATCHES, 1.0 / step, 1 - 1.0 / step));
        }
        last = new EpochMetrics(epoch, config.settings().epochs(), 1.0 / epoch, 1 - 0.5 / epoch,
            1.2 / epoch, 1 - 0.6 / epoch);
        listener.onEpoch(last);
      }
      WorkspaceEntry model = new WorkspaceEntry("trained-" + config.settings().seed(),
          config.settings().architecture().cliName() + " (seed " + config.settings().seed() + ")", WorkspaceEntry.Kind.MODEL,
          WorkspaceEntry.Origin.TRAINED, null);
      if (workspace != null) {
        workspace.add(model);
      }
      return new TrainingResult(model, config.settings().epochs(), last);
    } finally {
      ended.countDown();
    }
  }
}
