import type { BookingCancelReason, Dictionary } from '../catalog.ts';

export const es: Dictionary = {
  greeting: (name) => (name ? `Hola ${name}:` : 'Hola:'),
  linkFallback: 'Si el botón no funciona, copia este enlace en tu navegador:',
  footer: 'TourConnect, el ecosistema de socios para viajes. Este es un mensaje automático; las respuestas no se leen.',
  roles: { owner: 'propietario', manager: 'gestor', viewer: 'lector' },
  untitledPackage: 'tu paquete',
  templates: {
    verify_email: (p, f) => ({
      subject: 'Confirma tu dirección de correo electrónico',
      preheader: 'Un clic y tu cuenta de TourConnect está lista.',
      paragraphs: [
        'Gracias por registrarte en TourConnect. Confirma que esta dirección de correo es tuya.',
        `El enlace funciona una sola vez y caduca el ${f.dateTime(p.expiresAt)}.`,
      ],
      action: 'Confirmar dirección de correo',
      note: 'Si no has creado una cuenta de TourConnect, ignora este correo: sin el enlace no ocurre nada.',
    }),
    reset_password: (p, f) => ({
      subject: 'Restablece tu contraseña',
      preheader: 'Elige una nueva contraseña para tu cuenta de TourConnect.',
      paragraphs: [
        'Hemos recibido una solicitud para restablecer la contraseña de tu cuenta de TourConnect.',
        `El enlace funciona una sola vez y caduca el ${f.dateTime(p.expiresAt)}. Tras el cambio se cerrarán todas tus sesiones.`,
      ],
      action: 'Elegir una nueva contraseña',
      note: 'Si no lo has solicitado, ignora este correo: tu contraseña no cambia.',
    }),
    confirm_email_change: (p, f) => ({
      subject: 'Confirma tu nueva dirección de correo',
      preheader: 'Confirma la dirección que quieres usar en TourConnect.',
      paragraphs: [
        `Has pedido usar ${p.newEmail} en tu cuenta de TourConnect. Confirma que esta dirección es tuya.`,
        `El enlace funciona una sola vez y caduca el ${f.dateTime(p.expiresAt)}. Hasta entonces sigue activa tu dirección actual.`,
      ],
      action: 'Confirmar nueva dirección',
      note: 'Si no lo has solicitado, ignora este correo: sin el enlace no cambia nada.',
    }),
    email_change_notice: (p) => ({
      subject: 'Tu dirección de correo va a cambiar',
      preheader: 'Alguien ha pedido trasladar tu cuenta de TourConnect a otra dirección.',
      paragraphs: [
        `Se ha solicitado cambiar la dirección de correo de tu cuenta de TourConnect a ${p.newEmail}.`,
        'El cambio solo se produce cuando se confirma la nueva dirección.',
      ],
      action: 'Revisar tu cuenta',
      note: 'Si no has sido tú, cambia ahora tu contraseña: puede que alguien haya iniciado sesión en tu cuenta.',
    }),
    account_exists: () => ({
      subject: 'Ya tienes una cuenta de TourConnect',
      preheader: 'Alguien ha intentado registrarse con esta dirección.',
      paragraphs: [
        'Alguien acaba de intentar crear una cuenta de TourConnect con esta dirección de correo, pero ya tienes una.',
        'Si has sido tú, inicia sesión. Si has olvidado tu contraseña, puedes restablecerla.',
      ],
      action: 'Iniciar sesión',
      note: 'Si no has sido tú, puedes ignorar este correo: tu cuenta no ha cambiado.',
    }),
    account_locked: (p, f) => ({
      subject: 'Tu cuenta ha sido bloqueada',
      preheader: 'Demasiados inicios de sesión fallidos.',
      paragraphs: [
        `Tras muchos intentos fallidos de inicio de sesión, tu cuenta de TourConnect está bloqueada hasta el ${f.dateTime(p.lockedUntil)}.`,
        'Si has sido tú, espera hasta entonces o restablece tu contraseña, lo que también desbloquea la cuenta.',
      ],
      action: 'Restablecer contraseña',
      note: 'Si no has sido tú, alguien intenta adivinar tu contraseña: elige una nueva y segura.',
    }),
    partner_invitation: (p, f) => ({
      subject: `Te han invitado a unirte a ${p.partnerName} en TourConnect`,
      preheader: `Únete a ${p.partnerName} como ${f.role(p.role)}.`,
      paragraphs: [
        `Te han invitado a unirte a ${p.partnerName} en TourConnect como ${f.role(p.role)}.`,
        `Para aceptar, abre el enlace e inicia sesión (o regístrate) con esta dirección de correo. La invitación caduca el ${f.dateTime(p.expiresAt)}.`,
      ],
      action: 'Aceptar invitación',
      note: 'Si no conoces esta empresa, ignora este correo.',
    }),
    partner_submitted: (p) => ({
      subject: `${p.partnerName} está pendiente de revisión`,
      preheader: 'Hemos recibido los datos del socio.',
      paragraphs: [
        `Gracias: hemos recibido los datos y documentos de ${p.partnerName}.`,
        'Nuestro equipo los revisa y recibirás un correo en cuanto se tome una decisión.',
      ],
      action: 'Abrir el Portal de Socios',
      note: 'Recibes este correo porque eres el propietario de este socio en TourConnect.',
    }),
    partner_verified: (p) => ({
      subject: `${p.partnerName} ya es un socio verificado`,
      preheader: 'La insignia Partner Verified ya es visible.',
      paragraphs: [
        `Buenas noticias: ${p.partnerName} ha sido verificado.`,
        'Los viajeros ya ven la insignia Partner Verified en tu perfil y en el directorio.',
      ],
      action: 'Abrir el Portal de Socios',
      note: 'Recibes este correo porque eres el propietario de este socio en TourConnect.',
    }),
    partner_rejected: (p) => ({
      subject: `${p.partnerName} necesita cambios antes de la verificación`,
      preheader: 'La revisión ha encontrado algo que corregir.',
      paragraphs: [
        `Hemos revisado ${p.partnerName} y todavía no hemos podido verificarlo. Motivo indicado:`,
        p.reason,
        'Corrígelo en el Portal de Socios y vuelve a enviarlo.',
      ],
      action: 'Corregir y reenviar',
      note: 'Recibes este correo porque eres el propietario de este socio en TourConnect.',
    }),
    partner_suspended: (p) => ({
      subject: `${p.partnerName} ha sido suspendido`,
      preheader: 'Tu ficha está oculta por ahora.',
      paragraphs: [
        `${p.partnerName} ha sido suspendido: su insignia y sus anuncios están ocultos. Motivo indicado:`,
        p.reason,
        'Contacta con nosotros desde el Portal de Socios para resolverlo.',
      ],
      action: 'Abrir el Portal de Socios',
      note: 'Recibes este correo porque eres el propietario de este socio en TourConnect.',
    }),
    partner_deleted: (p) => ({
      subject: `Los datos de ${p.partnerName} han sido borrados`,
      preheader: 'Tu solicitud de eliminación se ha completado.',
      paragraphs: [
        `Todos los servicios de TourConnect lo han confirmado: los datos de ${p.partnerName} están borrados, salvo los registros que la ley nos obliga a conservar, que se han anonimizado.`,
        'Tu cuenta personal sigue abierta hasta que la elimines.',
      ],
      action: 'Abrir tu cuenta',
      note: 'Recibes este correo porque solicitaste esta eliminación.',
    }),
    booking_held: (p, f) => ({
      subject: `Tus plazas están bloqueadas: ${p.packageTitle}`,
      preheader: `La reserva ${p.reference} espera el pago hasta el ${f.dateTime(p.holdExpiresAt)}.`,
      paragraphs: [
        `Tu reserva de ${p.packageTitle} (referencia ${p.reference}) espera el pago.`,
        ...(p.startsAt ? [`Empieza el ${f.travelDate(p.startsAt)}.`] : []),
        `Total: ${f.money(p.totalMinor, p.currency)}.`,
        `Tus plazas quedan bloqueadas hasta el ${f.dateTime(p.holdExpiresAt)}. La reserva se confirma cuando llega el pago; si no ha llegado para entonces, el bloqueo termina, no se te cobra nada y las plazas vuelven a la venta.`,
      ],
      action: 'Ver tu reserva',
      note: 'Recibes este correo porque esta reserva se hizo con tu cuenta de TourConnect.',
    }),
    booking_confirmed: (p, f) => ({
      subject: `Reserva confirmada: ${p.packageTitle}`,
      preheader: `Referencia ${p.reference}: tu pago ha llegado.`,
      paragraphs: [
        `Tu pago ha llegado y tu reserva de ${p.packageTitle} (referencia ${p.reference}) está confirmada.`,
        ...(p.startsAt ? [`Empieza el ${f.travelDate(p.startsAt)}.`] : []),
        `Pagado: ${f.money(p.totalMinor, p.currency)}. La página de tu reserva muestra cada servicio y la política de cancelación.`,
      ],
      action: 'Ver tu reserva',
      note: 'Recibes este correo porque esta reserva se hizo con tu cuenta de TourConnect.',
    }),
    booking_cancelled: (p, f) => {
      const why: Record<BookingCancelReason, string> = {
        traveller_requested: `Como pediste, tu reserva de ${p.packageTitle} (referencia ${p.reference}) está cancelada.`,
        hold_expired: `Tu reserva de ${p.packageTitle} (referencia ${p.reference}) está cancelada: el bloqueo terminó antes de que llegara el pago y las plazas ya no están disponibles.`,
        sold_out: `Tu reserva de ${p.packageTitle} (referencia ${p.reference}) está cancelada: las plazas se agotaron antes de que llegara el pago.`,
        cancelled_externally: `Tu reserva de ${p.packageTitle} (referencia ${p.reference}) está cancelada: el proveedor de uno de sus servicios la canceló.`,
        admin: `Tu reserva de ${p.packageTitle} (referencia ${p.reference}) ha sido cancelada por TourConnect.`,
      };
      const refund =
        p.chargedMinor === 0
          ? 'No se te ha cobrado nada, así que no hay nada que reembolsar.'
          : p.refundMinor > 0
            ? `Recuperas ${f.money(p.refundMinor, p.currency)} de los ${f.money(p.chargedMinor, p.currency)} pagados, en el medio de pago que usaste.`
            : `Según la política de cancelación del paquete, en este momento no corresponde ningún reembolso (pagaste ${f.money(p.chargedMinor, p.currency)}).`;
      return {
        subject: `Reserva cancelada: ${p.packageTitle}`,
        preheader: `Referencia ${p.reference}.`,
        paragraphs: [why[p.reason], refund],
        action: 'Ver tu reserva',
        note: 'Recibes este correo porque esta reserva se hizo con tu cuenta de TourConnect.',
      };
    },
    booking_expired: (p) => ({
      subject: `Tu bloqueo ha terminado: ${p.packageTitle}`,
      preheader: `Referencia ${p.reference}: no se te ha cobrado nada.`,
      paragraphs: [
        p.reason === 'payment_failed'
          ? `El pago de tu reserva de ${p.packageTitle} (referencia ${p.reference}) no se completó, así que las plazas bloqueadas para ti se han liberado.`
          : `Las plazas bloqueadas para tu reserva de ${p.packageTitle} (referencia ${p.reference}) se han liberado porque el pago no llegó a tiempo.`,
        'No se te ha cobrado nada. Si aún quedan plazas, puedes reservar de nuevo desde la página del paquete.',
      ],
      action: 'Ver el paquete',
      note: 'Recibes este correo porque esta reserva se hizo con tu cuenta de TourConnect.',
    }),
    booking_partner_new: (p, f) => ({
      subject: `Nueva reserva para ${p.partnerName}: ${p.packageTitle}`,
      preheader: `Referencia ${p.reference}, pendiente de pago.`,
      paragraphs: [
        p.lineCount === 0
          ? `Un viajero ha reservado ${p.packageTitle} (referencia ${p.reference}), un paquete que vendes.`
          : p.lineCount === 1
            ? `Un viajero ha reservado ${p.packageTitle} (referencia ${p.reference}), que incluye uno de tus servicios.`
            : `Un viajero ha reservado ${p.packageTitle} (referencia ${p.reference}), que incluye ${p.lineCount} de tus servicios.`,
        ...(p.startsAt ? [`El viaje empieza el ${f.travelDate(p.startsAt)}.`] : []),
        `Tu parte: ${f.money(p.shareMinor, p.currency)}.`,
        `La reserva espera el pago del viajero: las plazas quedan bloqueadas hasta el ${f.dateTime(p.holdExpiresAt)}. Si el pago no llega para entonces, vuelven solas a tu disponibilidad. La página Reservas del Portal de socios muestra siempre el estado actual.`,
      ],
      action: 'Abrir reservas',
      note: `Recibes este correo porque eres propietario de ${p.partnerName} en TourConnect.`,
    }),
    payment_received: (p, f) => ({
      subject: `Pago recibido: reserva ${p.reference}`,
      preheader: `${f.money(p.totalMinor, p.currency)} pagados. Tu recibo está listo.`,
      paragraphs: [
        `Hemos recibido tu pago de ${f.money(p.totalMinor, p.currency)} por la reserva ${p.reference}. Gracias.`,
        'Tu recibo (PDF) está listo: descárgalo desde la página de tu reserva, en cualquiera de los idiomas del portal.',
      ],
      ...(p.receiptLink ? { extraLink: { label: 'Descarga tu recibo (PDF)', url: p.receiptLink } } : {}),
      action: 'Ver reserva y recibo',
      note: 'Recibes este correo porque esta reserva se pagó con tu cuenta de TourConnect.',
    }),
    refund_issued: (p, f) => ({
      subject: `Reembolso emitido: reserva ${p.reference}`,
      preheader: `${f.money(p.amountMinor, p.currency)} en camino.`,
      paragraphs: [
        `Te hemos reembolsado ${f.money(p.amountMinor, p.currency)} de los ${f.money(p.chargedMinor, p.currency)} que pagaste por la reserva ${p.reference}.`,
        'El dinero vuelve al método de pago que usaste; tu banco puede tardar de 5 a 10 días hábiles en mostrarlo.',
      ],
      action: 'Ver tu reserva',
      note: 'Recibes este correo porque esta reserva se pagó con tu cuenta de TourConnect.',
    }),
    payout_paid: (p, f) => ({
      subject: `Pago enviado a ${p.partnerName}: ${f.money(p.amountMinor, p.currency)}`,
      preheader: 'Stripe ha pagado tu saldo en tu cuenta bancaria.',
      paragraphs: [
        `Stripe ha pagado ${f.money(p.amountMinor, p.currency)} en la cuenta bancaria de ${p.partnerName}.`,
        ...(p.arrivalAt ? [`Se espera en tu cuenta antes del ${f.travelDate(p.arrivalAt)}.`] : []),
        'Pagos, transferencias por reserva, extractos y facturas están en la página Pagos del Portal de socios.',
      ],
      action: 'Abrir pagos',
      note: `Recibes este correo porque eres el propietario de ${p.partnerName} en TourConnect.`,
    }),
  },
};
