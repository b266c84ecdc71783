import type { Language } from '../../../shared/common.ts';

// Messages of the agreements module (governance, issue 8), spread into platform/messages.ts.

export const AGREEMENTS_MESSAGES = {
  AGREEMENT_NOT_FOUND: {
    id: 'Kesepakatan tidak ditemukan, atau instansi Anda bukan salah satu pihaknya.',
    en: 'Agreement not found, or your organization is not one of its parties.',
  },
  AGREEMENT_CHANGED: {
    id: 'Kesepakatan ini baru saja diubah oleh orang lain. Muat ulang lalu coba lagi.',
    en: 'This agreement was just changed by someone else. Reload and try again.',
  },
  AGREEMENT_LOCKED: {
    id: 'Kesepakatan yang sudah ditandatangani, diakhiri, diperbarui, atau dibatalkan tidak dapat diubah lagi.',
    en: 'An agreement that is signed, terminated, renewed or discarded can no longer be changed.',
  },
  AGREEMENT_NOT_DRAFT: {
    id: 'Kesepakatan ini sudah diajukan untuk ditinjau.',
    en: 'This agreement has already been submitted for review.',
  },
  AGREEMENT_NOT_IN_REVIEW: {
    id: 'Kesepakatan ini tidak sedang ditinjau, jadi tidak dapat disetujui atau dimintakan perubahan sekarang.',
    en: 'This agreement is not under review, so it cannot be agreed or have changes requested now.',
  },
  AGREEMENT_ALREADY_AGREED: {
    id: 'Instansi Anda sudah menyetujui naskah terakhir kesepakatan ini.',
    en: 'Your organization has already agreed the latest text of this agreement.',
  },
  AGREEMENT_NOT_AGREED: {
    id: 'Kesepakatan belum dapat ditandatangani: belum disetujui oleh {parties}.',
    en: 'The agreement cannot be signed yet: not yet agreed by {parties}.',
  },
  AGREEMENT_NOT_SIGNED: {
    id: 'Hanya kesepakatan yang sudah ditandatangani (berlaku atau berakhir masa berlakunya) yang dapat diakhiri atau diperpanjang.',
    en: 'Only a signed agreement (in force or expired) can be terminated or renewed.',
  },
  AGREEMENT_RENEWAL_EXISTS: {
    id: 'Sudah ada perpanjangan kesepakatan ini. Lanjutkan perpanjangan tersebut, atau batalkan drafnya terlebih dahulu.',
    en: 'A renewal of this agreement already exists. Continue with that renewal, or discard its draft first.',
  },
  AGREEMENT_PARENT_INVALID: {
    id: 'PKS ini tidak dapat diperpanjang: MoU induknya sudah diakhiri atau dibatalkan, atau instansi Anda bukan lagi pihaknya. Susun PKS baru di bawah MoU yang berlaku.',
    en: 'This PKS cannot be renewed: its parent MoU has been terminated or discarded, or your organization is no longer one of its parties. Draft a new PKS under an MoU in force.',
  },
  AGREEMENT_NOT_DISCARDABLE: {
    id: 'Hanya draf atau kesepakatan yang sedang ditinjau yang dapat dibatalkan.',
    en: 'Only a draft or an agreement under review can be discarded.',
  },
  AGREEMENT_DRAFTER_ONLY: {
    id: 'Hanya instansi penyusun yang dapat membatalkan kesepakatan ini.',
    en: 'Only the organization that drafted this agreement can discard it.',
  },
  AGREEMENT_ACT_FORBIDDEN: {
    id: 'Hanya pimpinan instansi pihak, atau wakil yang ditunjuknya, yang dapat menyetujui, meminta perubahan, menandatangani, atau mengakhiri kesepakatan.',
    en: 'Only the head of a party organization, or a delegate she named, can agree, request changes, sign or terminate an agreement.',
  },
  AGREEMENT_OBLIGATION_NOT_FOUND: {
    id: 'Kewajiban tidak ditemukan pada kesepakatan ini.',
    en: 'Obligation not found in this agreement.',
  },
  AGREEMENT_OBLIGATION_NOT_YOURS: {
    id: 'Status kewajiban hanya dapat diperbarui oleh instansi yang berkewajiban.',
    en: 'The status of an obligation can only be updated by the obligated organization.',
  },
  AGREEMENT_OBLIGATION_CHANGED: {
    id: 'Kewajiban ini baru saja diperbarui oleh orang lain. Muat ulang lalu coba lagi.',
    en: 'This obligation was just updated by someone else. Reload and try again.',
  },
  AGREEMENT_VERSION_NOT_FOUND: {
    id: 'Versi naskah kesepakatan tidak ditemukan.',
    en: 'Agreement text version not found.',
  },
  AGREEMENT_SCAN_NOT_FOUND: {
    id: 'Pindaian kesepakatan yang ditandatangani tidak ditemukan.',
    en: 'The signed scan of the agreement was not found.',
  },
  AGREEMENT_MULTIPART_REQUIRED: {
    id: 'Kirim penandatanganan sebagai formulir multipart dengan bagian berkas pindaian bernama "file".',
    en: 'Send the signing as a multipart form with the scan file part named "file".',
  },
  AGREEMENT_DELEGATE_NOT_FOUND: {
    id: 'Wakil penandatangan tidak ditemukan di instansi Anda.',
    en: 'Delegate not found in your organization.',
  },
  AGREEMENT_DELEGATE_REVOKED: {
    id: 'Penunjukan wakil ini sudah dicabut.',
    en: 'This delegation has already been revoked.',
  },
} as const satisfies Record<string, Record<Language, string>>;

export const AGREEMENTS_FIELD_MESSAGES = {
  agreement_parent_required: {
    id: 'PKS harus berinduk pada MoU. Pilih MoU induknya.',
    en: 'A PKS must sit under an MoU. Choose its parent MoU.',
  },
  agreement_parent_invalid: {
    id: 'MoU induk tidak ditemukan, bukan MoU, atau sudah diakhiri. Pilih MoU lain.',
    en: 'The parent MoU was not found, is not an MoU, or has been terminated. Choose another MoU.',
  },
  agreement_mou_no_parent: {
    id: 'MoU tidak berinduk pada kesepakatan lain. Kosongkan MoU induk.',
    en: 'An MoU has no parent agreement. Leave the parent MoU empty.',
  },
  agreement_parties_min: {
    id: 'Para pihak paling sedikit 2 (dua) instansi yang berbeda.',
    en: 'The parties must be at least 2 (two) different organizations.',
  },
  agreement_party_duplicate: {
    id: 'Setiap instansi hanya boleh menjadi satu pihak. Hapus pihak yang ganda.',
    en: 'Each organization may be only one party. Remove the duplicate party.',
  },
  agreement_own_party_required: {
    id: 'Instansi Anda harus menjadi salah satu pihak.',
    en: 'Your organization must be one of the parties.',
  },
  agreement_drafter_required: {
    id: 'Instansi penyusun kesepakatan tidak dapat dihapus dari para pihak.',
    en: 'The organization that drafted the agreement cannot be removed from the parties.',
  },
  agreement_party_unknown: {
    id: 'Instansi pihak tidak dikenal. Pilih dari daftar instansi.',
    en: 'Unknown party organization. Choose one from the directory.',
  },
  agreement_party_has_obligations: {
    id: 'Pihak yang masih memiliki kewajiban dalam naskah tidak dapat dihapus. Hapus kewajibannya dari naskah terlebih dahulu.',
    en: 'A party that still has obligations in the text cannot be removed. Remove its obligations from the text first.',
  },
  agreement_obligation_not_party: {
    id: 'Instansi yang berkewajiban harus salah satu pihak.',
    en: 'The obligated organization must be one of the parties.',
  },
  agreement_obligation_unknown: {
    id: 'Kewajiban ini bukan bagian dari kesepakatan ini.',
    en: 'This obligation is not part of this agreement.',
  },
  agreement_obligation_duplicate: {
    id: 'Kewajiban yang sama terkirim dua kali. Hapus salah satunya.',
    en: 'The same obligation was sent twice. Remove one of them.',
  },
  agreement_until_before_from: {
    id: 'Tanggal berakhir tidak boleh sebelum tanggal mulai.',
    en: 'The end date cannot be before the start date.',
  },
  agreement_clauses_required: {
    id: 'Naskah harus memiliki paling sedikit satu pasal.',
    en: 'The text needs at least one article (pasal).',
  },
  agreement_signatory_name_required: {
    id: 'Isi nama penandatangan untuk {party}.',
    en: 'Enter the signatory name for {party}.',
  },
  agreement_signatory_position_required: {
    id: 'Isi jabatan penandatangan untuk {party}.',
    en: 'Enter the signatory position for {party}.',
  },
  agreement_signed_in_future: {
    id: 'Tanggal penandatanganan tidak boleh di masa depan.',
    en: 'The signing date cannot be in the future.',
  },
  agreement_terminated_in_future: {
    id: 'Tanggal pengakhiran tidak boleh di masa depan.',
    en: 'The termination date cannot be in the future.',
  },
  agreement_terminated_before_signed: {
    id: 'Tanggal pengakhiran tidak boleh sebelum tanggal penandatanganan ({date}).',
    en: 'The termination date cannot be before the signing date ({date}).',
  },
  agreement_terminated_after_expiry: {
    id: 'Tanggal pengakhiran tidak boleh sesudah tanggal berakhirnya kesepakatan ({date}).',
    en: 'The termination date cannot be after the agreement ends ({date}).',
  },
  agreement_delegate_invalid: {
    id: 'Pilih pegawai aktif instansi Anda yang mengelola kesepakatan (bukan pimpinan).',
    en: 'Choose an active staff member of your organization who manages agreements (not a head).',
  },
  agreement_delegate_exists: {
    id: 'Pegawai ini sudah menjadi wakil penandatangan.',
    en: 'This staff member is already a delegate.',
  },
} as const satisfies Record<string, Record<Language, string>>;
