package io.nl2q.hub.reports.render;

import io.nl2q.hub.pipeline.Chart;
import io.nl2q.hub.warehouse.QueryResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The answer's chart suggestion drawn server-side (JFreeChart, headless) as a PNG for the e-mail: a bar or line
 * chart of the y column over the x column; none for a table or when the columns are not there.
 */
public final class ChartRenderer {
    private static final int MAX_POINTS = 200;

    private ChartRenderer() {
    }

    public static byte[] png(Chart chart, List<QueryResult.ResultColumn> columns, List<List<Object>> rows) {
        if (chart == null || chart.x() == null || chart.y() == null || rows.isEmpty()
                || !(chart.type().equals("bar") || chart.type().equals("line"))) {
            return null;
        }
        int x = index(columns, chart.x());
        int y = index(columns, chart.y());
        if (x < 0 || y < 0) {
            return null;
        }
        var data = new DefaultCategoryDataset();
        for (List<Object> row : rows.subList(0, Math.min(rows.size(), MAX_POINTS))) {
            if (row.get(y) instanceof Number n) {
                data.addValue(n, chart.y(), String.valueOf(row.get(x)));
            }
        }
        JFreeChart drawn = chart.type().equals("line")
                ? ChartFactory.createLineChart(null, chart.x(), chart.y(), data, PlotOrientation.VERTICAL, false,
                false, false)
                : ChartFactory.createBarChart(null, chart.x(), chart.y(), data, PlotOrientation.VERTICAL, false, false,
                false);
        var out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, drawn, 720, 360);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static int index(List<QueryResult.ResultColumn> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
