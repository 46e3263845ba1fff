import type { ComplaintAddresseeId, ComplaintAgainst } from '../../domain/complaint';
import type { ComplaintAddressee, Service } from './schema';

/** Why a complaint cannot go where the citizen wants it to. */
export type ComplaintFilingRefusal = 'unknown_service' | 'no_state_corporation' | 'wrong_addressee';

/**
 * Who receives a complaint about a service, by its own procedure: the addressee the citizen chose,
 * or the first the procedure names for what the complaint is against.
 */
export function addresseeFor(service: Service, filing: { against: ComplaintAgainst; addresseeId?: ComplaintAddresseeId | undefined }): ComplaintAddressee | ComplaintFilingRefusal {
  const receiving = service.complaint.addressees.filter((a) => a.against.includes(filing.against));
  if (receiving.length === 0) return filing.against === 'state_corporation' ? 'no_state_corporation' : 'wrong_addressee';
  if (filing.addresseeId === undefined) return receiving[0] as ComplaintAddressee;
  return receiving.find((a) => a.id === filing.addresseeId) ?? 'wrong_addressee';
}
