import { DAC_SERIALIZATION_NAMESPACE } from './xml-text';

/**
 * The product this package claims in `Origin.xml`. The DAC importer does not check ProductName or
 * ProductVersion, but a future one might compare them with its own version, so the safest value is one a
 * real DacFx release wrote. The values are those of DacFx 162.5.57.1 (a .NET "Family C" SqlPackage), the
 * release whose ZIP layout and Origin.xml shape (ExportStatistics, no DataPhaseTables) the exporter copies.
 */
export const ORIGIN_PRODUCT = Object.freeze({
  productName: 'Microsoft.SqlServer.Dac, Version=162.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a',
  productVersion: '162.5.57.1',
  productSchema: DAC_SERIALIZATION_NAMESPACE,
});
