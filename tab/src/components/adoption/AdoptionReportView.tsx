import { Body1, makeStyles, Subtitle1, tokens } from '@fluentui/react-components';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../adoption/format';
import { exportPath } from '../../adoption/queries';
import { leastAdoptedFirst, subtreeIds } from '../../adoption/rates';
import { isShown, type AdoptionReport, type ShownUnit } from '../../adoption/types';
import { useSession } from '../../session';
import { ConcealedNotice } from './ConcealedNotice';
import { EmptyState } from './EmptyState';
import { ExportButton } from './ExportButton';
import { FigureTiles } from './FigureTiles';
import { UnitDetail, type DetailSubject } from './UnitDetail';
import { UnitTable } from './UnitTable';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, minWidth: 0 },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'flex-end', gap: tokens.spacingHorizontalM },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0, '& p': { margin: 0 } },
  heading: { margin: 0 },
  hint: { color: tokens.colorNeutralForeground2, maxWidth: '48rem' },
});

export interface AdoptionReportViewProps {
  report: AdoptionReport;
  minGroupSize: number;
  /** The report date asked for (null: the newest), for the export. */
  date: string | null;
  /** The unit chosen in the table; kept by the page so it survives a change of filter. */
  chosenId: string | null;
  onChoose: (unitId: string | null) => void;
}

/**
 * One report: the municipality's figures, the units least adopted first, and the details of the chosen
 * unit. An admin starts with the municipality chosen; a unit lead, who has no municipality figures, with
 * their own unit.
 */
export function AdoptionReportView(props: AdoptionReportViewProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const styles = useStyles();
  const { report, minGroupSize, chosenId } = props;
  const { me } = useSession();
  const detailHeading = useRef<HTMLHeadingElement>(null);

  if (!report.reportDate) return <EmptyState />;

  const units = leastAdoptedFirst(report.units);
  const shown = report.units.filter(isShown);
  const chosen = shown.find((unit) => unit.id === chosenId);
  // Without municipality figures (a unit lead) the topmost unit they may see stands in for it.
  const fallback = report.tenant ? undefined : [...shown].sort((a, b) => a.depth - b.depth)[0];
  const subject = detailSubject(chosen ?? fallback, report, t('adoption.municipality'), format.unitPath);

  const choose = (unitId: string) => {
    props.onChoose(unitId === chosenId ? null : unitId);
    // After React has drawn the new details: bring them into view and let a screen reader read them.
    requestAnimationFrame(() => {
      detailHeading.current?.focus({ preventScroll: true });
      detailHeading.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    });
  };

  return (
    <div className={styles.view}>
      {/* Nothing to export when names are concealed and the reader has no municipality figures (a unit lead). */}
      {(report.tenant || report.units.length > 0) && (
        <div className={styles.bar}>
          <ExportButton path={exportPath(report.period, props.date, null)} fallbackName={`digipuls-adoption-${report.period}-${report.reportDate}.csv`} />
        </div>
      )}
      {report.concealed && <ConcealedNotice minGroupSize={minGroupSize} isAdmin={me.roles.includes('AdoptionAdmin')} />}
      {report.tenant && (
        <section className={styles.section} aria-labelledby="adoption-municipality">
          <Subtitle1 as="h2" id="adoption-municipality" className={styles.heading}>{t('adoption.municipality')}</Subtitle1>
          <FigureTiles figures={report.tenant} testId="municipality-figures" />
        </section>
      )}
      {!report.concealed && (
        <section className={styles.section} aria-labelledby="adoption-units">
          <Subtitle1 as="h2" id="adoption-units" className={styles.heading}>{t('adoption.units.heading')}</Subtitle1>
          <Body1 as="p" id="adoption-units-hint" className={styles.hint}>{t('adoption.units.hint')}</Body1>
          {units.length === 0 ? (
            <Body1 as="p">{t('adoption.units.none')}</Body1>
          ) : (
            <UnitTable units={units} minGroupSize={minGroupSize} selectedId={subject?.unitId ?? null} onSelect={choose} labelledBy="adoption-units" describedBy="adoption-units-hint" />
          )}
        </section>
      )}
      {subject && <UnitDetail subject={subject} period={report.period} minGroupSize={minGroupSize} headingRef={detailHeading} />}
    </div>
  );
}

/** The details' subject: the chosen unit with its subtree's teams, or the municipality with all of them. */
function detailSubject(unit: ShownUnit | undefined, report: AdoptionReport, municipality: string, unitPath: (path: string[]) => string): DetailSubject | undefined {
  if (unit) {
    const ids = subtreeIds(report.units, unit.id);
    return {
      unitId: unit.id,
      name: unitPath(unit.path),
      figures: unit,
      showFigures: true,
      communities: report.communities.filter((c) => c.unitId !== null && ids.has(c.unitId)),
    };
  }
  if (!report.tenant) return undefined;
  return { unitId: null, name: municipality, figures: report.tenant, showFigures: false, communities: report.communities };
}
