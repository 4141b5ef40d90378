import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { ChartFigure } from './ChartFigure';

describe('ChartFigure', () => {
  it('names the chart by its description and gives its data as a table', async () => {
    await renderInTestApp(
      <ChartFigure
        description="Score over time: 40 then 60"
        tableCaption="Score history"
        columns={['Evaluated', 'Score']}
        rows={[
          ['2026-11-20 10:00', 40],
          ['2026-11-20 10:00', 60],
        ]}
      >
        <svg data-testid="chart" />
      </ChartFigure>,
    );

    const image = screen.getByRole('img', {
      name: 'Score over time: 40 then 60',
    });
    expect(within(image).getByTestId('chart')).toBeInTheDocument();
    expect(screen.getByText('Score over time: 40 then 60')).toBeVisible();

    const table = screen.getByRole('table', { name: 'Score history' });
    const rows = within(table).getAllByRole('row');
    expect(rows.map(row => row.textContent)).toEqual([
      'EvaluatedScore',
      '2026-11-20 10:0040',
      '2026-11-20 10:0060',
    ]);
  });
});
