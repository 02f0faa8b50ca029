package rbm.report;

/** Where a chart puts its legend: in a corner of the plot area, or nowhere. */
public enum Legend {
    TOP_LEFT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_RIGHT, NONE
}
