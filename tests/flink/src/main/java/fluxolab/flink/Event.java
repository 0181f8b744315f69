package fluxolab.flink;

import java.io.Serializable;

/** One trace element (a Flink POJO: public fields, public no-argument constructor). */
public class Event implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Arrival order in the trace (0, 1, ...). */
    public long seq;
    public String key;
    /** Event time, epoch ms. */
    public long ts;
    public double value;
    /** Source partition (split); 0 without --partition-field. */
    public int partition;
    /** Processing time of arrival, epoch ms (only orders the trace; see README). */
    public long arrival;
    /** Set on the way to the window operator: the watermark this element found there. */
    public long watermarkAtArrival;
    /** A marker of the {@link Sequencer} (parallelism > 1), not a trace element: seq is the element it follows. */
    public boolean marker;
    /** A Sequencer marker that also ends its source subtask's input: its generator emits Long.MAX_VALUE. */
    public boolean finish;

    public Event() {}
}
